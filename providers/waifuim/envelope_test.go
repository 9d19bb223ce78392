package waifuim_test

import "strings"

// images wraps n items made by item in the reply's envelope.
func images(n int, item func(i int) string) string {
	var b strings.Builder
	b.WriteString(`{"images":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item(i))
	}
	b.WriteString(`]}`)
	return b.String()
}
