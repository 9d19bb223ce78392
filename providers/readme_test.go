package providers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// readmeExamples are the Examples README.md's "Testing your code" shows:
// each provider's httpmock recipe, and the fakes' one way to a client and
// to a second account.
var readmeExamples = []string{
	"mastodon/example_httpmock_test.go",
	"e621/example_httpmock_test.go",
	"waifuim/example_httpmock_test.go",
	"playplay/example_httpmock_test.go",
	"dch/example_httpmock_test.go",
	"mastodon/mastodontest/example_test.go",
}

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// The README's test recipes cannot go stale: every Go block of "Testing
// your code" is, indentation aside, a run of lines of one of the Examples
// that go test compiles and runs, and every one of those Examples is shown.
func TestReadmeRecipesAreExamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(readme), "\n## Testing your code\n")
	if start < 0 {
		t.Fatal(`README.md has no "## Testing your code"`)
	}
	section := string(readme[start+1:])
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	sources := map[string][]string{}
	for _, path := range readmeExamples {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sources[path] = codeLines(string(src))
	}
	shown := map[string]bool{}
	for _, m := range goBlock.FindAllStringSubmatch(section, -1) {
		block := codeLines(m[1])
		i := slices.IndexFunc(readmeExamples, func(path string) bool { return containsRun(sources[path], block) })
		if i < 0 {
			t.Errorf("this README block is in no Example; change the Example and the README together:\n%s", m[1])
			continue
		}
		shown[readmeExamples[i]] = true
	}
	for _, path := range readmeExamples {
		if !shown[path] {
			t.Errorf("README.md shows no recipe from %s", path)
		}
	}
}

// codeLines is src's lines without their indentation, blank ones dropped.
func codeLines(src string) []string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// containsRun reports whether run appears in lines, in order and together.
func containsRun(lines, run []string) bool {
	for i := 0; i+len(run) <= len(lines); i++ {
		if slices.Equal(lines[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
