// Package netfail sorts transport failures, for the root package's
// IsTemporary and the provider kit's retry policy alike.
package netfail

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/url"
)

// Untrusted reports a TLS failure a retry cannot mend: a certificate the
// client does not trust, or one for another host.
func Untrusted(err error) bool {
	var unknownCA x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var host x509.HostnameError
	var verify *tls.CertificateVerificationError
	return errors.As(err, &unknownCA) || errors.As(err, &invalid) || errors.As(err, &host) || errors.As(err, &verify)
}

// NotSent reports errors raised before the request could reach the server.
func NotSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	var rec tls.RecordHeaderError
	return errors.As(err, &dns) || errors.As(err, &rec)
}

// Network reports a failure of the network itself, by the error's type: a
// net.Error (a *net.OpError, a DNS error, a timeout, a syscall.Errno such
// as ECONNRESET), a connection that ended early (io.EOF,
// io.ErrUnexpectedEOF), or a TLS record or alert that went wrong. An error
// a transport made of its own, such as httpmock's "no responder found",
// is none of these.
func Network(err error) bool {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	var rec tls.RecordHeaderError
	var alert tls.AlertError
	if errors.As(err, &rec) || errors.As(err, &alert) {
		return true
	}
	return hasNetError(err)
}

// hasNetError finds a net.Error in err's chain other than a *url.Error,
// which satisfies net.Error whatever it wraps: net/http wraps every
// transport's error in one.
func hasNetError(err error) bool {
	for err != nil {
		var ne net.Error
		if !errors.As(err, &ne) {
			return false
		}
		ue, ok := ne.(*url.Error)
		if !ok {
			return true
		}
		err = ue.Err
	}
	return false
}
