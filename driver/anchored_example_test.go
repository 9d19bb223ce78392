package driver_test

import (
	"context"
	"fmt"
	"strconv"

	"github.com/favkit/favorites/driver"
)

// A provider whose service pages a list by number, newest first, gives the
// kit its page fetch and an item's ID; the Pager keeps its place by the last
// items read, and a listing resumed from its cursor goes on after them even
// when items were added above in between. An AnchorMark on the same list
// gives what was added since a mark.
func ExampleAnchoredList() {
	saved := []int64{5, 4, 3, 2, 1} // the service's list, newest first
	list := &driver.AnchoredList[int64, int64]{
		Name: "example", CursorPrefix: "example.c1.", MaxSize: 50,
		Fetch: func(_ context.Context, page, size int) (driver.AnchoredPage[int64], error) {
			lo := min((page-1)*size, len(saved))
			items := saved[lo:min(lo+size, len(saved))]
			return driver.AnchoredPage[int64]{Items: items, More: len(items) == size}, nil
		},
		ID:       func(id int64) int64 { return id },
		FormatID: func(id int64) string { return strconv.FormatInt(id, 10) },
		ParseID:  func(s string) (int64, error) { return driver.NumericID("item ID", s) },
	}
	marks := &driver.AnchorMark[int64, int64]{List: list, Prefix: "example.m1.", Keep: 3,
		Account: driver.AccountTag("example", "https://api.example", "alice"), Whose: "site or login"}
	ctx := context.Background()
	_, mark, _ := marks.Since(ctx, "") // from now

	p := list.Pager("", 2)
	first, _ := p.NextPage(ctx)
	fmt.Println("first page:", first.Items, "cursor:", p.Cursor())

	saved = append([]int64{7, 6}, saved...) // two added above
	for id, err := range list.Pager(p.Cursor(), 0).All(ctx) {
		if err != nil {
			panic(err)
		}
		fmt.Println("resumed:", id)
	}
	added, _, _ := marks.Since(ctx, mark)
	fmt.Println("added since the mark:", added)
	// Output:
	// first page: [5 4] cursor: example.c1.l2.o2.a5-4
	// resumed: 3
	// resumed: 2
	// resumed: 1
	// added since the mark: [7 6]
}
