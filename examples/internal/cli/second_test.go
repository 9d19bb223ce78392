package cli

import "testing"

func TestSameInstance(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"https://mastodon.social", "https://mastodon.social/", true},
		{"https://Mastodon.Social:443", "https://mastodon.social", true},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/", true},
		{"https://mastodon.social", "https://hachyderm.io", false},
		{"https://mastodon.social", "http://mastodon.social", false},
		{"https://a.example:8443", "https://a.example", false},
		{"https://a.example/sub", "https://a.example", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := SameInstance(tt.a, tt.b); got != tt.want {
			t.Errorf("SameInstance(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestSecondConfig wants the second account's credentials from its own
// flags or TO_ variables, never the first's, and the first's base URL
// unless it names its own.
func TestSecondConfig(t *testing.T) {
	t.Setenv("MASTODON_BASE_URL", "https://one.example")
	t.Setenv("MASTODON_TOKEN", "first-token")
	t.Setenv("TO_MASTODON_TOKEN", "second-token")
	first := &Config{Provider: "mastodon"}
	var s Second
	to := s.config(first)
	if to.ResolvedBaseURL() != "https://one.example" || to.env(to.Token, "MASTODON_TOKEN") != "second-token" {
		t.Errorf("second account: base %q, token %q", to.ResolvedBaseURL(), to.env(to.Token, "MASTODON_TOKEN"))
	}
	s.c.BaseURL, s.c.Token = "https://two.example", "flag-token"
	to = s.config(first)
	if to.ResolvedBaseURL() != "https://two.example" || to.env(to.Token, "MASTODON_TOKEN") != "flag-token" {
		t.Errorf("second account with flags: base %q, token %q", to.ResolvedBaseURL(), to.Token)
	}
}
