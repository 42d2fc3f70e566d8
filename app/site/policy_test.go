package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The hashes below were computed apart, with `printf '…' | openssl dgst -sha256 -binary | base64`.
var policyTests = []struct {
	name  string
	pages []string
	want  string // the policy, "" for a refusal
}{
	{"no inline piece", []string{`<meta charset="utf-8"><script src="app.js"></script><link rel="stylesheet" href="a.css">`},
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"},
	{"an inline script, twice", []string{`<script>alert(1)</script>`, `<p>x</p><script>alert(1)</script>`},
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"},
	{"a style element and a style attribute (unescaped before hashing)", []string{"<style>\nbody { margin: 0 }\n</style><p style=\"color:red\">x</p><i style=\"a &amp; b\"></i>"},
		"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-hashes' 'sha256-dnC3Pz723RwENr5hUgdpYQTUXIPdgw1uFGKif+2TOIg=' 'sha256-8f935d27GvUutRyY9yWScUMiFUk4WTdZURISiYfPOeQ=' 'sha256-y8ZEogiTpUm5wdBCEz8zVq22f/pOpaFpBx0JllMndD8='; object-src 'none'; base-uri 'self'; form-action 'self'"},
	{"an inline event handler", []string{`<button onclick="go()">go</button>`}, ""},
	{"an inline event handler in capitals", []string{`<body ONLOAD = "go()">`}, ""},
}

func TestPolicy(t *testing.T) {
	for _, tt := range policyTests {
		var p inlinePieces
		var err error
		for i, page := range tt.pages {
			if err = p.add("page"+string(rune('1'+i)), []byte(page)); err != nil {
				break
			}
		}
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%s: add() = nil, want a refusal", tt.name)
		case tt.want != "" && err != nil:
			t.Errorf("%s: add() = %v", tt.name, err)
		case tt.want != "" && p.policy() != tt.want:
			t.Errorf("%s: policy() =\n%s\nwant\n%s", tt.name, p.policy(), tt.want)
		}
	}
}

var policyMetaTag = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// Every page of the site carries the policy, right after its charset and before anything it
// governs, and it is the policy the server sends.
func TestDistWritesThePolicyIntoEveryPage(t *testing.T) {
	out, _ := writeTestSite(t)
	policy, err := ReadPolicy(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("the policy %q has no %q", policy, want)
		}
	}
	for _, never := range []string{"'unsafe-inline'", "'unsafe-eval'", "frame-ancestors", "*", "http:", "https:", "data:"} {
		if strings.Contains(policy, never) {
			t.Errorf("the policy %q allows %q", policy, never)
		}
	}
	// The storage stand-in runs inline before the program: the policy must allow it by its hash.
	if !strings.Contains(policy, hashSource([]byte("\n"+storageFallbackJS))) {
		t.Errorf("the policy does not allow the storage stand-in")
	}
	for _, page := range []string{"index.html", EmbedDemoFile} {
		html := readFile(t, filepath.Join(out, page))
		metas := policyMetaTag.FindAllStringSubmatchIndex(html, -1)
		if len(metas) != 1 {
			t.Errorf("%s has %d policy meta tags, want 1", page, len(metas))
			continue
		}
		if got := strings.ReplaceAll(html[metas[0][2]:metas[0][3]], "&#39;", "'"); got != policy {
			t.Errorf("%s's policy = %q, want index.html's %q", page, got, policy)
		}
		head := strings.ToLower(html[:metas[0][0]])
		if !strings.HasSuffix(strings.TrimSpace(head), `<meta charset="utf-8">`) {
			t.Errorf("%s: the policy does not come right after the charset:\n%s", page, html[:metas[0][1]])
		}
	}

	// The server sends what the site declares.
	rec := getFrom(t, out, "/")
	if got := rec.Header().Get("Content-Security-Policy"); got != policy {
		t.Errorf("the server sends the policy %q, want the site's %q", got, policy)
	}
}

func TestReadPolicyNeedsAPolicy(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<meta charset="utf-8"><main></main>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPolicy(dir); err == nil {
		t.Errorf("ReadPolicy(a page without a policy) = nil error, want one")
	}
}
