/**
 * Go source paths that do not depend on where the program was built. A heap profile records each
 * frame's absolute build path (`/home/ci/work/agent/pkg/foo/bar.go`), so two builds of one program
 * in two directories would share no site. The function's own symbol names its package's import path
 * (`github.com/DataDog/agent/pkg/foo.(*T).M`), and a package's files sit in that path's directory:
 * `<import path>/<file name>` is what `go build -trimpath` prints for a module's packages and the
 * standard library (`runtime/malloc.go`), whatever the build directory, module cache or GOPATH root.
 */

/**
 * The import path of the package a Go symbol belongs to: up to the first '.' after the last '/'
 * (dots in that last element are escaped as %2e by the linker). Type arguments (`F[a/b.T]`) are
 * ignored. Undefined for a symbol with no package (C frames, unsymbolised addresses).
 */
export function goPackagePath(symbol: string): string | undefined {
  const bracket = symbol.indexOf('[');
  const name = bracket >= 0 ? symbol.slice(0, bracket) : symbol;
  const slash = name.lastIndexOf('/');
  const dot = name.indexOf('.', slash + 1);
  if (dot <= 0 || name.startsWith('0x')) return undefined;
  return name.slice(0, dot);
}

/** The build-independent path of a frame's file: `<package import path>/<file name>`. */
export function goSourcePath(symbol: string, file: string): string {
  if (file === '') return file;
  const base = file.split(/[\\/]/).pop() ?? file;
  const pkg = goPackagePath(symbol);
  // C frames (cgo, the RTLoader) have no package: the file name alone is what stays the same.
  return pkg === undefined ? base : `${pkg}/${base}`;
}
