package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// pkg is what the generator reads of a package: its type declarations
// and its hand-written readers.
type pkg struct {
	fset  *token.FileSet
	name  string
	types map[string]*ast.TypeSpec

	// hand are the hand-written readers by what their directive names
	// ("reader Date", "reader *Status", "reader PreviewCard.PublishedAt",
	// "object Account"): the method's name, and where the directive is.
	hand map[string]directive
}

type directive struct {
	method string
	pos    token.Pos
	used   bool
}

const directivePrefix = "//readergen:"

// parsePackage reads the package's Go files in dir, but its tests and the
// file the generator writes.
func parsePackage(dir string, c config) (*pkg, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	p := &pkg{fset: token.NewFileSet(), types: map[string]*ast.TypeSpec{}, hand: map[string]directive{}}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || name == c.out {
			continue
		}
		f, err := parser.ParseFile(p.fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		p.name = f.Name.Name
		if err := p.addFile(f, c.decoder); err != nil {
			return nil, err
		}
	}
	if p.name == "" {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	return p, nil
}

// addFile notes f's type declarations and its directives.
func (p *pkg) addFile(f *ast.File, decoder string) error {
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.GenDecl:
			for _, s := range decl.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					p.types[ts.Name.Name] = ts
				}
			}
		case *ast.FuncDecl:
			if err := p.addDirectives(decl, decoder); err != nil {
				return err
			}
		}
	}
	return nil
}

// addDirectives notes the readergen directives in fn's doc comment: fn
// must be a method of the decoder.
func (p *pkg) addDirectives(fn *ast.FuncDecl, decoder string) error {
	if fn.Doc == nil {
		return nil
	}
	for _, c := range fn.Doc.List {
		text, ok := strings.CutPrefix(c.Text, directivePrefix)
		if !ok {
			continue
		}
		at := p.fset.Position(c.Pos())
		verb, what, _ := strings.Cut(text, " ")
		what = strings.TrimSpace(what)
		if (verb != "reader" && verb != "object") || what == "" || strings.Contains(what, " ") {
			return fmt.Errorf("%s: %q: want %sreader T, *T or T.Field, or %sobject T", at, c.Text, directivePrefix, directivePrefix)
		}
		if receiverType(fn) != decoder {
			return fmt.Errorf("%s: %s is not a method of the decoder (%s)", at, fn.Name.Name, decoder)
		}
		key := verb + " " + what
		if old, ok := p.hand[key]; ok {
			return fmt.Errorf("%s: %s has a reader already, %s", at, what, old.method)
		}
		p.hand[key] = directive{method: fn.Name.Name, pos: c.Pos()}
	}
	return nil
}

// receiverType is the name of the type fn is a method of, or "".
func receiverType(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return ""
	}
	t := fn.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// handWritten is the method a directive names for key ("reader T",
// "object T"...), marking the directive used.
func (p *pkg) handWritten(key string) (string, bool) {
	d, ok := p.hand[key]
	if ok {
		d.used = true
		p.hand[key] = d
	}
	return d.method, ok
}

// unused is an error naming a directive no field needed: a reader that
// reads nothing is a mistake in the directive, or dead code.
func (p *pkg) unused() error {
	for _, key := range slices.Sorted(maps.Keys(p.hand)) {
		if d := p.hand[key]; !d.used {
			return fmt.Errorf("%s: %s%s: no field of the types reached is read by it", p.fset.Position(d.pos), directivePrefix, key)
		}
	}
	return nil
}
