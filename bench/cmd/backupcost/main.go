// Command backupcost measures what examples/backup costs in requests and
// wall time, full against -incremental, on a Mastodon account of 10,000
// favourites of which 5 are new since the full backup (issue 19).
//
// It builds the real backup program and runs it as a user would, against
// mastodontest with its default rate limit (300 requests in 5 minutes,
// X-RateLimit-* on every answer) and with the SDK's default client
// options (mastodon.New's limiter of one request a second after a burst of
// 30, retries, and waiting out a spent X-RateLimit-Remaining). The request
// counts are the fake's own (every request that reached it); wall time is
// the program's run, process start included.
//
//	cd bench && go run ./cmd/backupcost
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/favkit/favorites/bench"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

func main() {
	n := flag.Int("n", 10000, "favourites in the account")
	added := flag.Int("new", 5, "favourites added between the full and the incremental backup")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*n, *added); err != nil {
		log.Fatal(err)
	}
}

func run(n, added int) error {
	dir, err := os.MkdirTemp("", "backupcost")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "backup")
	build := exec.Command("go", "build", "-o", bin, "github.com/favkit/favorites/examples/backup")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building backup: %w", err)
	}
	srv := bench.SeedMastodon(n) // the fake's default rate limit
	defer srv.Close()
	spare := srv.AddStatuses(added)
	out := filepath.Join(dir, "mastodon.jsonl")

	fmt.Printf("backup of %d Mastodon favourites, mastodontest default rate limit (%d requests / %v), SDK default client\n",
		n, mastodontest.DefaultRateLimit, mastodontest.DefaultRatePeriod)
	if err := measure("full", srv, bin, out); err != nil {
		return err
	}
	if err := srv.Favorite(mastodontest.DefaultUser, spare...); err != nil {
		return err
	}
	if err := measure("incremental", srv, bin, out, "-incremental"); err != nil {
		return err
	}
	lines, distinct, err := countLines(out)
	fmt.Printf("file: %d lines, %d distinct refs (want %d); 429 answers: %d\n", lines, distinct, n+added, srv.Throttled())
	return err
}

// measure runs the backup program once and prints the requests the fake
// received and the wall time.
func measure(name string, srv *mastodontest.Server, bin, out string, args ...string) error {
	cmd := exec.Command(bin, append([]string{"-provider", "mastodon", "-out", out}, args...)...)
	cmd.Env = append(os.Environ(), "MASTODON_BASE_URL="+srv.URL, "MASTODON_TOKEN="+mastodontest.Token)
	cmd.Stderr = os.Stderr
	before, start := srv.Faults.Requests(), time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s backup: %w", name, err)
	}
	fmt.Printf("\n%-11s backup: %4d requests, %v\n", name, srv.Faults.Requests()-before, time.Since(start).Round(time.Millisecond))
	return nil
}

// countLines counts the favourites' lines of the backup at path, and their
// distinct refs.
func countLines(path string) (lines, distinct int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Ref *struct{ ID, Source string } `json:"ref"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return lines, len(seen), fmt.Errorf("line %d: %w", lines+1, err)
		}
		if line.Ref == nil {
			continue // a part's header (backup format 2) or a removal
		}
		lines++
		seen[line.Ref.ID] = true
	}
	return lines, len(seen), sc.Err()
}
