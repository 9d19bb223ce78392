package playplay_test

import (
	"encoding/json"
	"testing"

	"github.com/favkit/favorites/providers/playplay"
)

// The lenient string fields read every JSON string as encoding/json does:
// escapes, surrogate pairs, lone surrogates and invalid UTF-8 included.
func TestLenientStringsReadAsEncodingJSON(t *testing.T) {
	for _, in := range []string{`"plain"`, `""`, `"a\nb\t\"c\\d\/e\bf\fg\rh"`, `"\u00e9\u0041"`, `"\ud83d\ude00"`,
		`"\ud83d"`, `"\ude00x"`, `"\ud83d\u0041"`, "\"\xff\xfe ok\"", "\"caf\xc3\xa9\"", `"\u0000"`} {
		var want string
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		var m playplay.Media
		if err := json.Unmarshal([]byte(`{"id":1,"credit":`+in+`,"stock_id":`+in+`}`), &m); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if m.Credit == nil || *m.Credit != want || string(m.StockID) != want {
			t.Errorf("%s: credit %v, stock_id %q; want %q", in, m.Credit, m.StockID, want)
		}
	}
}
