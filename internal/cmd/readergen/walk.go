package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

// reader is what the generator writes for one struct type: its members'
// cases, and, unless a hand-written reader reads the object (object), the
// reader of the object around them.
type reader struct {
	typ     string
	object  string // the hand-written reader calling read<typ>Field, or ""
	members []member
}

// member is one case of a reader's switch: a json name, as the switch
// spells it, and the call reading its value.
type member struct {
	name, read string
}

// walker finds the readers of the struct types reached from the roots,
// and the slabs their pointers and lists take values from.
type walker struct {
	p       *pkg
	c       config
	readers []*reader
	seen    map[string]bool
	slabs   map[string]string // a slab's field name → its element type
	ptr     bool              // some reader calls onepass.Ptr
}

// basicReaders are onepass.Reader's methods, by the Go type they read.
var basicReaders = map[string]string{
	"string": "Str", "bool": "Bool", "int": "Int", "int64": "Int64", "float64": "Float", "time.Time": "Time",
}

// walk adds the reader of the struct type name and of every type it holds.
func (w *walker) walk(name string) error {
	if w.seen[name] {
		return nil
	}
	ts, ok := w.p.types[name]
	st, isStruct := (*ast.StructType)(nil), false
	if ok {
		st, isStruct = ts.Type.(*ast.StructType)
	}
	if !isStruct || ts.TypeParams != nil {
		return fmt.Errorf("%s is not a struct type of package %s", name, w.p.name)
	}
	w.seen[name] = true
	r := &reader{typ: name}
	r.object, _ = w.p.handWritten("object " + name)
	w.readers = append(w.readers, r)
	names := map[string]string{}
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			return w.errorf(f, "%s: an embedded field, which readergen does not read", name)
		}
		for _, id := range f.Names {
			m, skip, err := w.member(name, id.Name, f)
			if err != nil {
				return w.errorf(f, "%s.%s: %v", name, id.Name, err)
			}
			if skip {
				continue
			}
			if other, ok := names[m.name]; ok {
				return w.errorf(f, "%s.%s: its json name %q folds to %s's", name, id.Name, m.name, other)
			}
			names[m.name] = id.Name
			r.members = append(r.members, m)
		}
	}
	return nil
}

func (w *walker) errorf(n ast.Node, format string, args ...any) error {
	return fmt.Errorf("%s: %s", w.p.fset.Position(n.Pos()), fmt.Sprintf(format, args...))
}

// member is the case of the field goName of the struct owner; skip is
// true for a field encoding/json leaves alone (unexported, or tagged "-").
func (w *walker) member(owner, goName string, f *ast.Field) (m member, skip bool, err error) {
	if !ast.IsExported(goName) {
		return member{}, true, nil
	}
	name, skip, err := jsonName(f.Tag, goName)
	if skip || err != nil {
		return member{}, skip, err
	}
	read, err := w.fieldReader(owner, goName, name, f.Type)
	return member{name: name, read: read}, false, err
}

// jsonName is the name the switch matches a field by: its json tag's, or
// its Go name, folded to lower case (onepass.Reader.Object folds the
// member's name to lower case when it differs from every case).
func jsonName(tag *ast.BasicLit, goName string) (name string, skip bool, err error) {
	var opts string
	if tag != nil {
		raw, err := strconv.Unquote(tag.Value)
		if err != nil {
			return "", false, err
		}
		t := reflect.StructTag(raw).Get("json")
		if t == "-" {
			return "", true, nil
		}
		name, opts, _ = strings.Cut(t, ",")
	}
	for o := range strings.SplitSeq(opts, ",") {
		if o == "string" || o == "inline" || o == "unknown" {
			return "", false, fmt.Errorf("the json option %q, which the readers do not implement", o)
		}
	}
	if name == "" {
		name = goName
	}
	for _, c := range name {
		if c > unicode.MaxASCII || !(unicode.IsLetter(c) || unicode.IsDigit(c) || strings.ContainsRune("_-.", c)) {
			return "", false, fmt.Errorf("the json name %q: only ASCII letters, digits and _-. are read", name)
		}
	}
	return strings.ToLower(name), false, nil
}

// fieldReader is the call that reads the field goName (json name) of the
// struct owner, of type t, into &x.goName.
func (w *walker) fieldReader(owner, goName, name string, t ast.Expr) (string, error) {
	target := "&x." + goName
	if m, ok := w.p.handWritten("reader " + owner + "." + goName); ok {
		return "d." + m + "(" + target + ")", nil
	}
	switch t := t.(type) {
	case *ast.StarExpr:
		if m, ok := w.p.handWritten("reader *" + types.ExprString(t.X)); ok {
			return "d." + m + "(" + target + ")", nil
		}
		read, err := w.valueReader(t.X)
		if err != nil {
			return "", err
		}
		slab, err := w.slab(t.X)
		w.ptr = true
		return fmt.Sprintf("onepass.Ptr(&d.Reader, %s, &d.slabs.%s, %s)", target, slab, read), err
	case *ast.ArrayType:
		if t.Len != nil {
			return "", fmt.Errorf("an array, which readergen does not read")
		}
		return w.listReader(owner, goName, name, t.Elt)
	case *ast.Ident:
		if w.isString(t.Name) {
			return "d.Str((*string)(" + target + "))", nil
		}
	}
	read, err := w.valueReader(t)
	return read + "(" + target + ")", err
}

// isString says whether name is a type of the package whose underlying
// type is string, without a reader of its own: read as a string.
func (w *walker) isString(name string) bool {
	ts, ok := w.p.types[name]
	if !ok {
		return false
	}
	if _, hand := w.p.hand["reader "+name]; hand {
		return false
	}
	id, ok := ts.Type.(*ast.Ident)
	return ok && id.Name == "string" && ts.Assign == 0
}

// listCall is what -list is given for a list field: Field (&x.Tags),
// Slab (&d.slabs.tags), Read (d.readTag, the reader of an item), Elem
// (tag, the item type's name in lower camel case), Name (the field's json
// name), Owner (the struct's type) and GoField (the field's Go name).
type listCall struct {
	Field, Slab, Read, Elem, Name, Owner, GoField string
}

// listReader is the -list call reading the field of list type []elem.
func (w *walker) listReader(owner, goName, name string, elem ast.Expr) (string, error) {
	read, err := w.valueReader(elem)
	if err != nil {
		return "", err
	}
	slab, err := w.slab(elem)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = w.c.list.Execute(&b, listCall{Field: "&x." + goName, Slab: "&d.slabs." + slab, Read: read,
		Elem: lowerCamel(typeName(elem)), Name: name, Owner: owner, GoField: goName})
	return b.String(), err
}

// valueReader is the method value that reads a value of type t: a
// hand-written reader's, onepass.Reader's for a basic type, or the one
// generated for a struct type of the package.
func (w *walker) valueReader(t ast.Expr) (string, error) {
	ts := types.ExprString(t)
	if m, ok := w.p.handWritten("reader " + ts); ok {
		return "d." + m, nil
	}
	if m, ok := basicReaders[ts]; ok {
		return "d." + m, nil
	}
	id, ok := t.(*ast.Ident)
	if !ok || w.p.types[id.Name] == nil {
		return "", fmt.Errorf("a %s has no reader: name a hand-written one (%sreader %s)", ts, directivePrefix, ts)
	}
	if _, isStruct := w.p.types[id.Name].Type.(*ast.StructType); !isStruct {
		return "", fmt.Errorf("a %s here has no reader: name a hand-written one (%sreader %s)", ts, directivePrefix, ts)
	}
	if err := w.walk(id.Name); err != nil {
		return "", err
	}
	if m, ok := w.p.handWritten("object " + id.Name); ok {
		return "d." + m, nil
	}
	return "d.read" + id.Name, nil
}

// slab is the name of the field of slabs that values of type t are taken
// from: the type's name in lower camel case, plural (strings, times,
// mediaAttachments).
func (w *walker) slab(t ast.Expr) (string, error) {
	name := plural(lowerCamel(typeName(t)))
	ts := types.ExprString(t)
	if old, ok := w.slabs[name]; ok && old != ts {
		return "", fmt.Errorf("the slabs of %s and %s would both be named %s", old, ts, name)
	}
	w.slabs[name] = ts
	return name, nil
}

// typeName is t's name without its package or pointer: Time for
// time.Time, StatusPtr for *Status.
func typeName(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.SelectorExpr:
		return t.Sel.Name
	case *ast.StarExpr:
		return typeName(t.X) + "Ptr"
	}
	return types.ExprString(t)
}

// lowerCamel is name with its leading capitals in lower case, the last
// of them kept when a lower-case letter follows (URLPath: urlPath).
func lowerCamel(name string) string {
	r := []rune(name)
	for i := 0; i < len(r) && unicode.IsUpper(r[i]); i++ {
		if i > 0 && i+1 < len(r) && unicode.IsLower(r[i+1]) {
			break
		}
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

// plural is name's English plural, by its ending.
func plural(name string) string {
	for _, end := range []string{"s", "x", "ch", "sh"} {
		if strings.HasSuffix(name, end) {
			return name + "es"
		}
	}
	return name + "s"
}
