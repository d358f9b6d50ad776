// Writes functions.en-US.json beside functions.json: the same functions and IDs, with English descriptions
// taken from src/functions/en-US.json. A function or parameter without an English text fails the build.
const fs = require("fs");
const path = require("path");

class EnglishMetadataPlugin {
  constructor({ input, output }) {
    this.input = input;
    this.output = output;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EnglishMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EnglishMetadataPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const asset = compilation.getAsset(this.input);
        if (!asset) {
          compilation.errors.push(new Error(`EnglishMetadataPlugin: ${this.input} was not generated`));
          return;
        }
        const texts = JSON.parse(fs.readFileSync(path.join(compiler.context, "src/functions/en-US.json"), "utf8"));
        try {
          const en = translate(JSON.parse(asset.source.source().toString()), texts);
          compilation.emitAsset(this.output, new compiler.webpack.sources.RawSource(JSON.stringify(en, null, 2)));
        } catch (e) {
          compilation.errors.push(e);
        }
      });
    });
  }
}

/** The metadata with each function's and parameter's description replaced by its English text. */
function translate(meta, texts) {
  return {
    ...meta,
    functions: meta.functions.map((f) => {
      const t = texts[f.id];
      if (!t) throw new Error(`EnglishMetadataPlugin: no English text for ${f.id} in src/functions/en-US.json`);
      return {
        ...f,
        description: t.description,
        ...(f.result ? { result: { ...f.result } } : {}),
        parameters: f.parameters.map((p) => {
          const d = t.parameters?.[p.name];
          if (!d) throw new Error(`EnglishMetadataPlugin: no English text for ${f.id}(${p.name})`);
          return { ...p, description: d };
        }),
      };
    }),
  };
}

module.exports = { EnglishMetadataPlugin, translate };
