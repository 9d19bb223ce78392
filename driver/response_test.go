package driver

import (
	"errors"
	"net/http"
	"testing"

	"github.com/favkit/favorites"
)

func TestWriteDone(t *testing.T) {
	cut := errors.New("body cut short")
	status := func(code int) *favorites.Response {
		return &favorites.Response{Response: &http.Response{StatusCode: code}}
	}
	tests := []struct {
		name string
		resp *favorites.Response
		err  error
		want error
	}{
		{"2xx with a bad body", status(201), cut, nil},
		{"204", status(204), nil, nil},
		{"404", status(404), cut, cut},
		{"no response", nil, cut, cut},
		{"a response without its http.Response", &favorites.Response{}, cut, cut},
		{"a 3xx", status(304), cut, cut},
	}
	for _, tt := range tests {
		if got := WriteDone(tt.resp, tt.err); got != tt.want {
			t.Errorf("%s: WriteDone = %v, want %v", tt.name, got, tt.want)
		}
	}
}
