package providers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// recipeExamples are the Examples docs/testing.md shows: each provider's
// httpmock recipe, and the fakes' one way to a client and to a second
// account.
var recipeExamples = []string{
	"mastodon/example_httpmock_test.go",
	"e621/example_httpmock_test.go",
	"waifuim/example_httpmock_test.go",
	"playplay/example_httpmock_test.go",
	"dch/example_httpmock_test.go",
	"mastodon/mastodontest/example_test.go",
}

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// The test recipes cannot go stale: every Go block of docs/testing.md is,
// indentation aside, a run of lines of one of the Examples that go test
// compiles and runs, and every one of those Examples is shown. The README
// links the page, so a reader finds it.
func TestTestingRecipesAreExamples(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "docs", "testing.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "(docs/testing.md)") {
		t.Error("README.md does not link docs/testing.md")
	}
	sources := map[string][]string{}
	for _, path := range recipeExamples {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sources[path] = codeLines(string(src))
	}
	shown := map[string]bool{}
	for _, m := range goBlock.FindAllStringSubmatch(string(page), -1) {
		block := codeLines(m[1])
		i := slices.IndexFunc(recipeExamples, func(path string) bool { return containsRun(sources[path], block) })
		if i < 0 {
			t.Errorf("this docs/testing.md block is in no Example; change the Example and the page together:\n%s", m[1])
			continue
		}
		shown[recipeExamples[i]] = true
	}
	for _, path := range recipeExamples {
		if !shown[path] {
			t.Errorf("docs/testing.md shows no recipe from %s", path)
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
