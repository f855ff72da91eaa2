package adapter

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Refusal is what a client needs to branch on a failed call: the status code, the stable reason
// of google.rpc.ErrorInfo (steward.errors.v1.ErrorReason without its prefix) and its metadata, and
// the fields google.rpc.BadRequest names.
type Refusal struct {
	Code       codes.Code
	Reason     string
	Domain     string
	Metadata   map[string]string
	Message    string
	Violations []string
}

// RefusalOf reads a failed call's status details.
func RefusalOf(err error) Refusal {
	st := status.Convert(err)
	refusal := Refusal{Code: st.Code(), Message: st.Message()}
	for _, detail := range st.Details() {
		switch d := detail.(type) {
		case *errdetails.ErrorInfo:
			refusal.Reason, refusal.Domain, refusal.Metadata = d.GetReason(), d.GetDomain(), d.GetMetadata()
		case *errdetails.BadRequest:
			for _, violation := range d.GetFieldViolations() {
				refusal.Violations = append(refusal.Violations, violation.GetField()+": "+violation.GetDescription())
			}
		}
	}
	return refusal
}

// String reads as one line per fact, e.g.
// "FAILED_PRECONDITION ITEM_STATE_CONFLICT (steward.gov) action=approve state=routed: cannot approve an item that is routed".
func (r Refusal) String() string {
	var line strings.Builder
	line.WriteString(codeName(r.Code))
	if r.Reason != "" {
		fmt.Fprintf(&line, " %s (%s)", r.Reason, r.Domain)
	}
	keys := make([]string, 0, len(r.Metadata))
	for key := range r.Metadata {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		fmt.Fprintf(&line, " %s=%s", key, r.Metadata[key])
	}
	fmt.Fprintf(&line, ": %s", r.Message)
	for _, violation := range r.Violations {
		fmt.Fprintf(&line, "\n  field %s", violation)
	}
	return line.String()
}

// codeName is the code as the gRPC spec and other languages spell it: NOT_FOUND, not NotFound.
func codeName(code codes.Code) string {
	var name strings.Builder
	camel := code.String()
	for i, r := range camel {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(rune(camel[i-1])) {
			name.WriteByte('_')
		}
		name.WriteRune(unicode.ToUpper(r))
	}
	return name.String()
}

// Transient says whether a call may succeed when retried: the service went away or the call
// could not complete. Refusals (NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT...) will not
// change on a retry.
func Transient(err error) bool {
	switch status.Code(err) {
	case codes.Unavailable, codes.DeadlineExceeded, codes.Canceled, codes.Internal, codes.Unknown, codes.ResourceExhausted, codes.Aborted:
		return true
	}
	return false
}
