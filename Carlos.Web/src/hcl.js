// A highlight.js grammar for HCL and Terraform (highlight.js ships none): blocks, attributes, strings with
// ${...} interpolation, heredocs, numbers, comments and function calls.
export default function hcl(hljs) {
  const interpolation = {
    className: 'subst',
    begin: /\$\{/,
    end: /\}/,
    contains: [hljs.NUMBER_MODE, { className: 'string', begin: /"/, end: /"/ }],
  };
  const string = {
    className: 'string',
    begin: /"/,
    end: /"/,
    contains: [hljs.BACKSLASH_ESCAPE, interpolation],
  };
  const heredoc = {
    className: 'string',
    begin: /<<-?\s*([A-Z_]+)\s*$/,
    end: /^\s*[A-Z_]+\s*$/,
    contains: [interpolation],
  };
  return {
    name: 'HCL',
    aliases: ['terraform', 'tf', 'hcl2'],
    keywords: {
      keyword: 'resource data variable output locals module provider terraform for in if dynamic content '
        + 'lifecycle required_providers backend moved import check',
      literal: 'true false null',
    },
    contains: [
      hljs.HASH_COMMENT_MODE,
      hljs.C_LINE_COMMENT_MODE,
      hljs.C_BLOCK_COMMENT_MODE,
      heredoc,
      string,
      { className: 'attr', begin: /^\s*[A-Za-z_][\w-]*(?=\s*=(?!=))/ },
      { className: 'built_in', begin: /\b[a-z][a-z0-9_]*(?=\()/ },
      hljs.NUMBER_MODE,
    ],
  };
}
