package adapter

import (
	"context"
	"fmt"
	"net"

	"google.golang.org/grpc/credentials"
)

// BearerToken sends `authorization: Bearer <token>` with every call. grpc-go's own OAuth
// credentials refuse plaintext connections; this one allows plaintext only to a loopback
// address (the local development stack) and requires TLS everywhere else.
type BearerToken struct {
	Token string
	// Loopback says the target is a loopback address, where plaintext is accepted.
	Loopback bool
}

// GetRequestMetadata implements credentials.PerRPCCredentials.
func (b BearerToken) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	info, _ := credentials.RequestInfoFromContext(ctx)
	if credentials.CheckSecurityLevel(info.AuthInfo, credentials.PrivacyAndIntegrity) != nil && !b.Loopback {
		return nil, fmt.Errorf("refusing to send the token over a plaintext connection to a non-loopback address")
	}
	return map[string]string{"authorization": "Bearer " + b.Token}, nil
}

// RequireTransportSecurity implements credentials.PerRPCCredentials: false, so that plaintext
// loopback connections work; GetRequestMetadata enforces TLS for any other address.
func (BearerToken) RequireTransportSecurity() bool { return false }

// IsLoopback says whether host:port names a loopback address (127.0.0.0/8, ::1 or localhost).
func IsLoopback(address string) bool {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
