// Package netfail sorts transport failures, for the root package's
// IsTemporary and the provider kit's retry policy alike.
package netfail

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
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
