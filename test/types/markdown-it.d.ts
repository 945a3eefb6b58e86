// The little of markdown-it the tests use (it ships without types).
declare module "markdown-it" {
  class MarkdownIt {
    constructor(options?: { html?: boolean });
    render(markdown: string): string;
  }
  export = MarkdownIt;
}
