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

// Main runs a program: Ctrl-C cancels run's context, and the program exits
// with the status [Exit] gives for run's error.
func Main(name string, run RunFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(Exit(name, err, os.Stderr))
}

// Exit is a program's exit status for the error its run returned: 0 for
// none, and for -h, whose help the flag set has printed; otherwise 2, with
// the error printed to stderr as "name: err".
func Exit(name string, err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	return 2
}

// FlagSet returns a flag set for the program name with the shared flags
// registered into c. Its usage text is synopsis, the flags, and what each
// provider's credentials are.
func (c *Config) FlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.Prompt = stderr
	c.Register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage:", synopsis)
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\n"+envHelp())
	}
	return fs
}
