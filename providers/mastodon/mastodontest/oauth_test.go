package mastodontest_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// post sends a form, as any OAuth client would, and decodes the JSON
// answer into a map.
func post(t *testing.T, srv *mastodontest.Server, path string, form url.Values) (int, map[string]any) {
	t.Helper()
	resp, err := srv.HTTPClient().PostForm(srv.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	return resp.StatusCode, body
}

type testApp struct{ id, secret string }

func registerApp(t *testing.T, srv *mastodontest.Server, scopes string) testApp {
	t.Helper()
	status, body := post(t, srv, "/api/v1/apps", url.Values{"client_name": {"t"}, "redirect_uris": {mastodontest.OutOfBand}, "scopes": {scopes}})
	if status != 200 {
		t.Fatalf("register: %d %v", status, body)
	}
	return testApp{body["client_id"].(string), body["client_secret"].(string)}
}

// code has DefaultUser approve an out-of-band authorization with extra
// query parameters, and gives the code.
func code(t *testing.T, srv *mastodontest.Server, app testApp, extra url.Values) string {
	t.Helper()
	q := url.Values{"response_type": {"code"}, "client_id": {app.id}, "redirect_uri": {mastodontest.OutOfBand}, "scope": {"read"}}
	for k, v := range extra {
		q[k] = v
	}
	page, err := srv.Approve(srv.URL + "/oauth/authorize?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if c := page.Query().Get("code"); c != "" {
		return c
	}
	t.Fatalf("no code: %s", page)
	return ""
}

func challenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// The token endpoint checks what Doorkeeper checks: the client secret,
// the code once, its redirect URI, the PKCE verifier against the
// challenge, and the grant type (no password grant since Mastodon 4.4).
func TestTokenEndpoint(t *testing.T) {
	const verifier = "a-verifier-of-forty-three-characters-or-more-000"
	tests := []struct {
		name       string
		opts       []mastodontest.Option
		authorize  url.Values
		form       func(app testApp, code string) url.Values
		wantStatus int
		wantError  string
	}{
		{"PKCE verified", nil, url.Values{"code_challenge": {challenge(verifier)}, "code_challenge_method": {"S256"}},
			func(a testApp, c string) url.Values { return exchange(a, c, verifier) }, 200, ""},
		{"PKCE, wrong verifier", nil, url.Values{"code_challenge": {challenge(verifier)}, "code_challenge_method": {"S256"}},
			func(a testApp, c string) url.Values { return exchange(a, c, verifier+"x") }, 400, "invalid_grant"},
		{"PKCE, no verifier", nil, url.Values{"code_challenge": {challenge(verifier)}, "code_challenge_method": {"S256"}},
			func(a testApp, c string) url.Values { return exchange(a, c, "") }, 400, "invalid_grant"},
		{"a verifier with no challenge", nil, nil,
			func(a testApp, c string) url.Values { return exchange(a, c, verifier) }, 400, "invalid_grant"},
		{"before 4.3 the challenge is ignored", []mastodontest.Option{mastodontest.WithLegacyOAuth()},
			url.Values{"code_challenge": {challenge(verifier)}, "code_challenge_method": {"S256"}},
			func(a testApp, c string) url.Values { return exchange(a, c, "") }, 200, ""},
		{"wrong client secret", nil, nil,
			func(a testApp, c string) url.Values { f := exchange(a, c, ""); f.Set("client_secret", "x"); return f }, 401, "invalid_client"},
		{"another redirect URI", nil, nil,
			func(a testApp, c string) url.Values {
				f := exchange(a, c, "")
				f.Set("redirect_uri", "http://127.0.0.1/")
				return f
			}, 400, "invalid_grant"},
		{"password grant", nil, nil,
			func(a testApp, _ string) url.Values {
				return url.Values{"grant_type": {"password"}, "client_id": {a.id}, "client_secret": {a.secret}, "username": {"alice"}, "password": {"x"}}
			}, 400, "unsupported_grant_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mastodontest.NewServer(tt.opts...)
			defer srv.Close()
			app := registerApp(t, srv, "read write")
			c := code(t, srv, app, tt.authorize)
			status, body := post(t, srv, "/oauth/token", tt.form(app, c))
			if status != tt.wantStatus || (tt.wantError != "" && body["error"] != tt.wantError) {
				t.Fatalf("got %d %v, want %d %s", status, body, tt.wantStatus, tt.wantError)
			}
			if tt.wantStatus != 200 {
				return
			}
			if body["token_type"] != "Bearer" || body["scope"] != "read" {
				t.Fatalf("token %v", body)
			}
			status, again := post(t, srv, "/oauth/token", tt.form(app, c))
			if status != 400 || again["error"] != "invalid_grant" {
				t.Fatalf("a code used twice: %d %v", status, again)
			}
		})
	}
}

func exchange(app testApp, code, verifier string) url.Values {
	f := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "client_id": {app.id},
		"client_secret": {app.secret}, "redirect_uri": {mastodontest.OutOfBand}}
	if verifier != "" {
		f.Set("code_verifier", verifier)
	}
	return f
}

// An app is refused as Mastodon's validation refuses it; the metadata is
// there from 4.3 on; token info tells a token's scopes; revoking another
// app's token is refused.
func TestAppsMetadataTokenInfoRevoke(t *testing.T) {
	srv := mastodontest.NewServer()
	defer srv.Close()
	for form, want := range map[string]string{
		"redirect_uris=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob": "Validation failed: Application name can't be blank",
		"client_name=x":                         "Validation failed: Redirect URI can't be blank",
		"client_name=x&redirect_uris=/relative": "Validation failed: Redirect URI must be an absolute URI.",
		"client_name=x&redirect_uris=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scopes=all": "Validation failed: Scopes doesn't match configured on the server.",
	} {
		q, _ := url.ParseQuery(form)
		if status, body := post(t, srv, "/api/v1/apps", q); status != 422 || body["error"] != want {
			t.Errorf("%s: %d %v, want 422 %q", form, status, body, want)
		}
	}
	var meta map[string]any
	if resp := get(t, srv, "GET", "/.well-known/oauth-authorization-server", "", &meta); resp.StatusCode != 200 ||
		meta["token_endpoint"] != srv.URL+"/oauth/token" || !strings.Contains(strings.Join(toStrings(meta["code_challenge_methods_supported"]), " "), "S256") {
		t.Fatalf("metadata %d %v", resp.StatusCode, meta)
	}
	legacy := mastodontest.NewServer(mastodontest.WithLegacyOAuth())
	defer legacy.Close()
	if resp := get(t, legacy, "GET", "/.well-known/oauth-authorization-server", "", &meta); resp.StatusCode != 404 {
		t.Fatalf("metadata before 4.3: %d, want 404", resp.StatusCode)
	}

	var info map[string]any
	if resp := get(t, srv, "GET", "/oauth/token/info", mastodontest.ReadOnlyToken, &info); resp.StatusCode != 200 ||
		strings.Join(toStrings(info["scope"]), " ") != "read:favourites read:statuses" || info["resource_owner_id"] == nil {
		t.Fatalf("token info %d %v", resp.StatusCode, info)
	}
	if resp := get(t, srv, "GET", "/oauth/token/info", "nope", &info); resp.StatusCode != 401 || info["error"] != "invalid_token" {
		t.Fatalf("token info of an unknown token: %d %v", resp.StatusCode, info)
	}

	a, b := registerApp(t, srv, "read"), registerApp(t, srv, "read")
	_, tok := post(t, srv, "/oauth/token", exchange(a, code(t, srv, a, nil), ""))
	token := tok["access_token"].(string)
	if status, body := post(t, srv, "/oauth/revoke", url.Values{"client_id": {b.id}, "client_secret": {b.secret}, "token": {token}}); status != 403 || body["error"] != "unauthorized_client" {
		t.Fatalf("revoking another app's token: %d %v", status, body)
	}
	for range 2 {
		if status, _ := post(t, srv, "/oauth/revoke", url.Values{"client_id": {a.id}, "client_secret": {a.secret}, "token": {token}}); status != 200 {
			t.Fatalf("revoking: %d", status)
		}
	}
	var account map[string]any
	if resp := get(t, srv, "GET", "/api/v1/accounts/verify_credentials", token, &account); resp.StatusCode != 401 {
		t.Fatalf("a revoked token: %d", resp.StatusCode)
	}
	if resp := get(t, srv, "GET", "/api/v1/accounts/verify_credentials", mastodontest.ReadOnlyToken, &account); resp.StatusCode != 403 {
		t.Fatalf("verify_credentials without read:accounts: %d, want 403", resp.StatusCode)
	}
	if resp := get(t, srv, "GET", "/api/v1/accounts/verify_credentials", mastodontest.Token, &account); resp.StatusCode != 200 ||
		account["acct"] != mastodontest.DefaultUser || account["source"] == nil {
		t.Fatalf("verify_credentials: %d %v", resp.StatusCode, account)
	}
}

func toStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// Another account approves as itself: the token acts for it.
func TestAccountApproves(t *testing.T) {
	srv := mastodontest.NewServer()
	defer srv.Close()
	bob := srv.AddAccount()
	app := registerApp(t, srv, "read")
	q := url.Values{"response_type": {"code"}, "client_id": {app.id}, "redirect_uri": {mastodontest.OutOfBand}, "scope": {"read"}}
	page, err := bob.Approve(srv.URL + "/oauth/authorize?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	_, tok := post(t, srv, "/oauth/token", exchange(app, page.Query().Get("code"), ""))
	var account map[string]any
	if resp := get(t, srv, "GET", "/api/v1/accounts/verify_credentials", tok["access_token"].(string), &account); resp.StatusCode != 200 || account["acct"] != bob.User {
		t.Fatalf("verify_credentials: %d %v, want %s", resp.StatusCode, account, bob.User)
	}
	if _, err := srv.Approve("https://elsewhere.example/oauth/authorize"); err == nil {
		t.Fatal("Approve of another server's URL: no error")
	}
	if _, err := srv.Approve(srv.URL + "/oauth/authorize?client_id=unknown"); err == nil || !strings.Contains(err.Error(), "400") {
		t.Fatalf("Approve of an unknown app: %v, want the 400 page", err)
	}
	resp, err := srv.HTTPClient().Get(page.String())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("the code page: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
