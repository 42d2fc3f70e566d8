//go:build !wasm

package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestServeWithoutSite(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runServe([]string{"--dir", t.TempDir(), "--addr", "127.0.0.1:0"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "make dist") {
		t.Errorf("runServe(empty dir) = %d, %q; want 1 and a word on make dist", code, stderr.String())
	}
}
