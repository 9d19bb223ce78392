package driver

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

// ScrubSecrets takes the secrets a request carried in its body out of an
// APIError's every field, the start of one at the cut end of the body
// too, and out of any other error's text, keeping errors.Is working.
func TestScrubSecrets(t *testing.T) {
	const secret, code = "s3cr3t/value", "code-1234567"
	c, mt := newMockClient(t)
	body := `{"error":"bad ` + secret + `","error_description":"code ` + code + `"}` + strings.Repeat(" ", MaxErrorBody)
	body = body[:MaxErrorBody-6] + secret // cut within the secret
	mt.RegisterResponder("POST", testBase+"/token", jsonResponder(400, body))
	req, err := c.NewRequest("POST", "token", nil, FormBody(map[string][]string{"secret": {secret}}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Do(t.Context(), req, nil)
	err = ScrubSecrets(fmt.Errorf("wrapped: %w", err), secret, code, "")
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, favorites.ErrBadRequest) {
		t.Fatalf("got %v, want the APIError", err)
	}
	shown := []string{err.Error(), fmt.Sprintf("%+v", err), apiErr.Message, string(apiErr.Body)}
	for _, s := range shown {
		if strings.Contains(s, secret) || strings.Contains(s, code) || strings.Contains(s, secret[:6]) {
			t.Errorf("%q shows a secret", s)
		}
	}
	if !strings.HasSuffix(string(apiErr.Body), scrubbedText) {
		t.Errorf("the cut secret at the body's end was left: %q", apiErr.Body[len(apiErr.Body)-20:])
	}
	plain := ScrubSecrets(fmt.Errorf("dial %s: %w", secret, http.ErrHandlerTimeout), secret)
	if strings.Contains(plain.Error(), secret) || !errors.Is(plain, http.ErrHandlerTimeout) {
		t.Errorf("plain error: %v", plain)
	}
	if ScrubSecrets(nil, secret) != nil {
		t.Error("nil is not nil")
	}
}

// HTTPClient goes through the caller's transport and the body cap, and
// adds no credential.
func TestHTTPClientSendsThroughTheCallersTransport(t *testing.T) {
	c, mt := newMockClientAs(t, mustBearerToken(t, "tok-123456"), favorites.WithMaxBodySize(16))
	var auth string
	mt.RegisterResponder("GET", testBase+"/x", func(r *http.Request) (*http.Response, error) {
		auth = r.Header.Get("Authorization")
		return jsonResponder(200, `{"a":"`+strings.Repeat("x", 64)+`"}`)(r)
	})
	_, err := c.HTTPClient().Get(testBase + "/x")
	if auth != "" || !errors.Is(err, favorites.ErrResponseTooLarge) {
		t.Fatalf("Authorization %q, err %v: want none, and the cap", auth, err)
	}
	if first, second := c.HTTPClient(), c.HTTPClient(); first == second {
		t.Fatal("HTTPClient gives the client's own, not a copy")
	}
}
