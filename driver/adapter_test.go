package driver

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

// toySpec is a Spec over a list of IDs, whose writes answer with the
// errors the test sets and count what reached them.
type toySpec struct {
	items   []string
	writes  int
	answer  error
	status  int // of the Response that comes with answer; 0: none
	changes ChangeSet[string]
}

func (s *toySpec) spec() Spec[string] {
	write := func(context.Context, favorites.Ref) (*favorites.Response, error) {
		s.writes++
		var resp *favorites.Response
		if s.status != 0 {
			resp = &favorites.Response{Response: &http.Response{StatusCode: s.status}}
		}
		return resp, s.answer
	}
	return Spec[string]{
		Name: "toy",
		Canonical: func(ref favorites.Ref) (favorites.Ref, error) {
			if ref.Source != "" || ref.ID == "" {
				return favorites.Ref{}, errors.Join(favorites.ErrInvalidArgument, errors.New("refs are bare IDs"))
			}
			return favorites.Ref{ID: strings.TrimLeft(ref.ID, "0")}, nil
		},
		MaxPageSize: 10,
		List: func(o favorites.ListOptions) *favorites.Pager[string] {
			return SinglePage(o.Cursor, func(context.Context) ([]string, *favorites.Response, error) { return s.items, nil, nil })
		},
		Favorite: func(id string) favorites.Favorite {
			return favorites.Favorite{Provider: "toy", Ref: favorites.Ref{ID: id}}
		},
		Add:    write,
		Remove: write,
		Changes: func(context.Context, string) (ChangeSet[string], error) {
			return s.changes, nil
		},
	}
}

func apiError(status int, kinds ...error) error {
	return &favorites.APIError{Provider: "toy", StatusCode: status, Kinds: kinds}
}

// The writes keep the contract whatever the provider's call answered.
func TestAdapterWrites(t *testing.T) {
	tests := []struct {
		name            string
		answer          error
		status          int
		wantAdd, wantRm error // nil: success; else errors.Is
	}{
		{"done", nil, 200, nil, nil},
		{"2xx with a bad body", favorites.ErrMalformedReply, 200, nil, nil},
		{"already a favourite", apiError(422, favorites.ErrAlreadyFavorited), 422, nil, favorites.ErrUnprocessable},
		{"the service's no such item", apiError(404, favorites.ErrNoSuchItem), 404, favorites.ErrNotFound, nil},
		{"another 404", apiError(404), 404, favorites.ErrNotFound, favorites.ErrNotFound},
		{"503", apiError(503), 503, favorites.ErrServer, favorites.ErrServer},
		{"no response", errors.New("connection reset"), 0, errors.New(""), errors.New("")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &toySpec{answer: tt.answer, status: tt.status}
			a := NewAdapter(s.spec())
			for _, op := range []struct {
				name      string
				err, want error
			}{
				{"Add", a.Add(t.Context(), favorites.Ref{ID: "007"}), tt.wantAdd},
				{"Remove", a.Remove(t.Context(), favorites.Ref{ID: "7"}), tt.wantRm},
			} {
				switch {
				case op.want == nil && op.err != nil, op.want != nil && op.err == nil:
					t.Errorf("%s: %v, want %v", op.name, op.err, op.want)
				case op.want != nil && op.want.Error() != "" && !errors.Is(op.err, op.want):
					t.Errorf("%s: %v, want %v", op.name, op.err, op.want)
				case op.err != nil && !strings.HasPrefix(op.err.Error(), "toy: "):
					t.Errorf("%s: %q does not name the provider", op.name, op.err)
				}
			}
		})
	}
}

// A ref the provider refuses sends nothing, and the error names the
// provider once.
func TestAdapterRefusesBeforeSending(t *testing.T) {
	s := &toySpec{}
	a := NewAdapter(s.spec())
	bad := favorites.Ref{ID: "1", Source: "x"}
	errs := []error{a.Add(t.Context(), bad), a.Remove(t.Context(), bad)}
	_, err := a.Canonical(bad)
	errs = append(errs, err)
	for i, err := range errs {
		if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.HasPrefix(err.Error(), "toy: ") ||
			strings.Count(err.Error(), "toy: ") != 1 {
			t.Errorf("call %d: %v, want one 'toy: ' and ErrInvalidArgument", i, err)
		}
	}
	if s.writes != 0 {
		t.Errorf("%d writes reached the provider", s.writes)
	}
	if got, err := a.Canonical(favorites.Ref{ID: "007"}); err != nil || got.ID != "7" {
		t.Errorf("Canonical(007) = %v, %v", got, err)
	}
}

func TestAdapterListOptions(t *testing.T) {
	items := []string{"1", "2"}
	tests := []struct {
		name    string
		onePage bool
		opts    *favorites.ListOptions
		ok      bool
	}{
		{"nil", false, nil, true},
		{"largest page", false, &favorites.ListOptions{PageSize: 10}, true},
		{"over the largest", false, &favorites.ListOptions{PageSize: 11}, false},
		{"negative", false, &favorites.ListOptions{PageSize: -1}, false},
		{"cursor where there is none", true, &favorites.ListOptions{Cursor: "2"}, false},
		{"page size where the service picks", true, &favorites.ListOptions{PageSize: 5}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &toySpec{items: items}
			spec := s.spec()
			spec.OnePage = tt.onePage
			var got []string
			var err error
			for f, e := range NewAdapter(spec).List(tt.opts).All(t.Context()) {
				if err = e; e != nil {
					break
				}
				got = append(got, f.Ref.ID)
			}
			if tt.ok != (err == nil) || tt.ok && len(got) != 2 {
				t.Fatalf("List(%+v) = %v, %v", tt.opts, got, err)
			}
			if !tt.ok && (!errors.Is(err, favorites.ErrInvalidArgument) || !strings.HasPrefix(err.Error(), "toy: ")) {
				t.Errorf("List(%+v): %v, want a toy: ErrInvalidArgument", tt.opts, err)
			}
		})
	}
}

// Changes refuses another provider's mark before the provider sees it and
// gives each addition once.
func TestAdapterChanges(t *testing.T) {
	s := &toySpec{changes: ChangeSet[string]{Added: []string{"3", "2", "3", "1"}, Mark: "toy.m"}}
	called := 0
	spec := s.spec()
	inner := spec.Changes
	spec.Changes = func(ctx context.Context, mark string) (ChangeSet[string], error) {
		called++
		return inner(ctx, mark)
	}
	a := NewAdapter(spec)
	if _, err := a.Changes(t.Context(), "mastodon.v1.ix.e"); !errors.Is(err, favorites.ErrStaleMark) ||
		!errors.Is(err, favorites.ErrInvalidArgument) || called != 0 {
		t.Errorf("another provider's mark: %v after %d calls", err, called)
	}
	ch, err := a.Changes(t.Context(), "toy.m")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range ch.Added {
		ids = append(ids, f.Ref.ID)
	}
	if strings.Join(ids, ",") != "3,2,1" || ch.Mark != "toy.m" {
		t.Errorf("Changes gave %v, mark %q; want 3,2,1 each once", ids, ch.Mark)
	}
}

// A method the Spec does not give is errors.ErrUnsupported, not a panic.
func TestAdapterUnsupported(t *testing.T) {
	s := &toySpec{}
	spec := s.spec()
	spec.Changes = nil
	a := NewAdapter(spec)
	_, err1 := a.Toggle(t.Context(), favorites.Ref{ID: "1"})
	_, err2 := a.IsFavorite(t.Context(), favorites.Ref{ID: "1"})
	_, err3 := a.Changes(t.Context(), "")
	err4 := a.Verify(t.Context(), favorites.ReadAccess)
	for i, err := range []error{err1, err2, err3, err4} {
		if !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("call %d: %v, want ErrUnsupported", i, err)
		}
	}
}
