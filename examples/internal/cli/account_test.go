package cli

import "testing"

// AccountTag tells accounts apart without holding a credential, and is
// empty where no live account is configured.
func TestAccountTag(t *testing.T) {
	t.Setenv("MASTODON_BASE_URL", "")
	t.Setenv("MASTODON_TOKEN", "")
	one := &Config{Provider: "mastodon", BaseURL: "https://one.example", Token: "secret-1"}
	tests := []struct {
		name string
		c    *Config
		same bool
	}{
		{"the same account", &Config{Provider: "mastodon", BaseURL: "https://one.example", Token: "secret-1"}, true},
		{"another token", &Config{Provider: "mastodon", BaseURL: "https://one.example", Token: "secret-2"}, false},
		{"another instance", &Config{Provider: "mastodon", BaseURL: "https://two.example", Token: "secret-1"}, false},
	}
	tag := one.AccountTag()
	if tag == "" || tag == "secret-1" {
		t.Fatalf("tag %q", tag)
	}
	for _, tt := range tests {
		if got := tt.c.AccountTag(); (got == tag) != tt.same {
			t.Errorf("%s: tag %q, the first's %q", tt.name, got, tag)
		}
	}
	for _, c := range []*Config{{Provider: "mastodon", Demo: true}, {Provider: "mastodon", BaseURL: "https://one.example"}} {
		if got := c.AccountTag(); got != "" {
			t.Errorf("%+v: tag %q, want none", c, got)
		}
	}
}
