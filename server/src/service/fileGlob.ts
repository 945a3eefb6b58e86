// The `keepalived.files` glob (`**`, `*`, `?`, `{a,b}`, `[...]`) as a matcher of workspace-relative paths.
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      // `**/` matches zero or more folders; a trailing `**` matches anything.
      if (glob[i + 2] === "/") (re += "(?:.*/)?"), (i += 2);
      else (re += ".*"), i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "{") (re += "(?:"), braces++;
    else if (c === "}" && braces) (re += ")"), braces--;
    else if (c === "," && braces) re += "|";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else (re += "[" + glob.slice(i + 1, close).replace(/^!/, "^") + "]"), (i = close);
    } else re += c.replace(/[.+^$()|\\{}]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export function fileMatcher(globs: string[]): (relativePath: string) => boolean {
  const res = globs.map(globToRegExp);
  return (p) => {
    const posix = p.split("\\").join("/");
    return res.some((r) => r.test(posix));
  };
}
