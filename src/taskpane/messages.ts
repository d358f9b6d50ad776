import type { Strings } from "./strings";

const CJK = /[\u3400-\u9fff]/;
const URL_TEXT = /\s*(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;
// Three or more English words in a row: a library's own sentence (JSZip's "Can't find end of central directory :
// is this a zip file ?"), which a finance user should not have to read.
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’]*(?:[\s,:;.?!()-]+[A-Za-z][A-Za-z'’]*){2,}[\s,:;.?!()-]*/g;

/**
 * What the pane shows for an error: never a URL, never a library's English sentence. A message with Chinese in it
 * keeps its Chinese (our own messages name the file and what to do), its English parts replaced by a plain
 * reason (`english`: for a file that would not open, that it is damaged; elsewhere, that the detail is omitted); a message without any Chinese is replaced whole. In English mode English messages stand.
 */
export function plainMessage(e: unknown, S: Strings, english: string = S.detailOmitted): string {
  const raw = (e instanceof Error ? e.message : typeof e === "string" ? e : "").replace(URL_TEXT, "").trim();
  if (S.lang === "en") return raw || S.failed;
  if (!CJK.test(raw)) return S.failed;
  return raw.replace(ENGLISH_RUN, english).replace(/\s+（/g, "（").trim();
}
