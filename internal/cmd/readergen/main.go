// Command readergen writes a provider's one-pass JSON readers (see
// internal/onepass) from its wire types: for each struct type reached from
// the roots it is given, a switch on the object's member names, one case
// for each field's json name, each calling the reader of the field's Go
// type, as encoding/json v1 reads one. A provider runs it by a line such
// as
//
//	//go:generate go run ../../internal/cmd/readergen -decoder pageDecoder -list "list(d, {{.Field}}, {{.Slab}}, {{.Read}})" Post
//
// in the package it writes readers_gen.go for. The readers are methods of
// the decoder type (-decoder), which embeds onepass.Reader and has a field
// slabs of the generated type slabs: one onepass.Slab for each type a
// pointer or a list holds.
//
// A field is read by its Go type: string, bool, int, int64, float64 and
// time.Time by onepass.Reader's methods, a type of the package whose
// underlying type is string by Str, a struct type of the package by the
// reader generated for it (read<Type>), a pointer by onepass.Ptr and a
// list by the call -list writes (a text/template; see listCall and
// listTemplate). Any other type is an error naming the field.
//
// A reader written by hand says so by a directive in its doc comment, and
// the generator calls it where it would have written its own:
//
//	//readergen:reader Date                    reads every Date (and, by onepass.Ptr, *Date)
//	//readergen:reader *Status                 reads every *Status field
//	//readergen:reader PreviewCard.PublishedAt reads that field only
//	//readergen:object Account                 reads an Account by the generated readAccountField
//
// A type with a reader directive is not looked into. An object directive
// is for a reader that keeps state around the object (how deep it sits,
// its Raw): the generator writes only the member switch,
// read<Type>Field(x *Type, name []byte) (bool, error), for it to call.
package main

import (
	"flag"
	"fmt"
	"os"
	"text/template"
)

func main() {
	var c config
	flag.StringVar(&c.decoder, "decoder", "decoder", "the decoder type whose methods the readers are")
	flag.StringVar(&c.out, "o", "readers_gen.go", "the file to write")
	list := flag.String("list", "", "the call that reads a list field (a text/template; see listCall)")
	flag.Parse()
	c.roots = flag.Args()
	if *list == "" || len(c.roots) == 0 {
		fmt.Fprintln(os.Stderr, "usage: readergen [-decoder T] [-o file] -list CALL Type...")
		os.Exit(2)
	}
	var err error
	if c.list, err = listTemplate(*list); err != nil {
		fmt.Fprintln(os.Stderr, "readergen: -list:", err)
		os.Exit(2)
	}
	if err := run(".", c); err != nil {
		fmt.Fprintln(os.Stderr, "readergen:", err)
		os.Exit(1)
	}
}

// config is what the go:generate line says.
type config struct {
	decoder string
	out     string
	list    *template.Template
	roots   []string
}

// listTemplate parses -list, with the function lowerCamel (of a Go name:
// {{lowerCamel .Owner}}{{.GoField}} is pollOwnVotes) for names built from
// the field's.
func listTemplate(text string) (*template.Template, error) {
	return template.New("list").Funcs(template.FuncMap{"lowerCamel": lowerCamel}).Parse(text)
}

// run writes c.out in dir from the package's other files.
func run(dir string, c config) error {
	p, err := parsePackage(dir, c)
	if err != nil {
		return err
	}
	src, err := generate(p, c)
	if err != nil {
		return err
	}
	return os.WriteFile(dir+"/"+c.out, src, 0o644)
}
