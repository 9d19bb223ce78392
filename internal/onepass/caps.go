package onepass

import "fmt"

// ListCap is the most items a list may hold, and what the list is: the one
// wording of a refusal by a count cap, wherever a list is counted (the
// kit's first pass over a reply, or a reader that counts a list as it
// builds it).
type ListCap struct {
	What string // the list, as an error names it: "the page", "media_attachments"
	Max  int    // the most items it may hold; 0: no cap
}

// Check refuses a list of n items, or of at least n when it is counted
// as it is read, that is over the cap.
func (c ListCap) Check(n int) error {
	if c.Max > 0 && n > c.Max {
		return fmt.Errorf("%s holds more than %d items, its cap", c.What, c.Max)
	}
	return nil
}
