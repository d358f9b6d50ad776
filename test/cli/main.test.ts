import { join } from "path";
import { run } from "./run";

const seed = (id: string) => join(__dirname, "../fixtures/seeds", `${id}.json`);

describe("eval-score on JSON tables", () => {
  test("--json prints exactly the contract", async () => {
    const r = await run(["--preset", "xinjiang", "--json", seed("s003-p10")]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(["tables", "errors"]);
    const t = out.tables[0];
    expect(Object.keys(t)).toEqual(expect.arrayContaining(["id", "preset", "budget", "indicators", "total", "reported_total", "rating", "reported_rating", "findings"]));
    expect(t.budget).toEqual({ rate: 0.834, score: 8.34, reported_score: 10 });
    expect(t.total).toBe(83.13);
    expect(t.indicators[6]).toMatchObject({ index: 6, name: "长期护理保险鉴定执行率", weight: 20, score: 18.95, reported_score: 18.98, status: "mismatch" });
    expect(Object.keys(t.indicators[0])).toEqual(expect.arrayContaining(["index", "name", "weight", "completion", "score", "reported_score", "status", "explanation"]));
    expect(t.findings[0]).toEqual({ code: "score-mismatch", severity: "error", indicator: 6, message: expect.stringContaining("18.98") });
  });
  test("a folder of tables", async () => {
    const r = await run(["--json", "--preset", "xinjiang", join(__dirname, "../fixtures/seeds")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tables).toHaveLength(23);
  });
  test("a readable report in Chinese", async () => {
    const r = await run(["--preset", "xinjiang", seed("s003-p08")]);
    expect(r.out).toContain("总分 total 95.46（报告 96.25）");
    expect(r.out).toContain("扩面征收劳务费");
  });
  test("bad usage exits 2 with a message", async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(["--preset", "mars", seed("s003-p10")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("未知的预设");
  });
  test("an unreadable file exits 2 naming it, other files still scored", async () => {
    const r = await run(["--json", join(__dirname, "../fixtures/bad/not-json.json"), seed("s002-t1")]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out);
    expect(out.tables).toHaveLength(1);
    expect(out.errors[0].input).toContain("not-json.json");
    expect(out.errors[0].message).toContain("无法读取 JSON 文件");
  });
});
