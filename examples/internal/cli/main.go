package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// RunFunc is a program's body: its flags in args, its output in stdout and
// stderr. The context ends on Ctrl-C.
type RunFunc func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// Main runs a program: Ctrl-C cancels run's context, and an error (other
// than -h asking for help) is printed as "name: err" with exit status 2.
func Main(name string, run RunFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		}
		os.Exit(2)
	}
}

// FlagSet returns a flag set for the program name with the shared flags
// registered into c. Its usage text is synopsis, the flags, and EnvHelp.
func (c *Config) FlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.Register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage:", synopsis)
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\n"+EnvHelp)
	}
	return fs
}
