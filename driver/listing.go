package driver

import (
	"context"
	"fmt"

	"github.com/favkit/favorites"
)

// ErrorPager returns a Pager whose every page is err, for a listing refused
// before anything is sent.
func ErrorPager[T any](err error) *favorites.Pager[T] {
	return favorites.NewPager(func(context.Context, string) (favorites.Page[T], error) {
		return favorites.Page[T]{}, err
	}, "")
}

// ListValues returns the options o stands for (the zero ListOptions when
// o is nil), refusing a negative PageSize, which no provider takes, with an error
// matching [favorites.ErrInvalidArgument]. Adapters start their List with it, so the
// nil case and the rule are the same everywhere.
func ListValues(o *favorites.ListOptions) (favorites.ListOptions, error) {
	if o == nil {
		return favorites.ListOptions{}, nil
	}
	if o.PageSize < 0 {
		return favorites.ListOptions{}, fmt.Errorf("%w: page size %d is negative", favorites.ErrInvalidArgument, o.PageSize)
	}
	return *o, nil
}
