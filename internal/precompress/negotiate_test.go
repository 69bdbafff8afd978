package precompress

import "testing"

func TestPick(t *testing.T) {
	e := Encoded{Identity: []byte("id"), Brotli: []byte("br"), Gzip: []byte("gz")}
	tests := []struct {
		header, want string
	}{
		{"", ""},
		{"gzip", "gzip"},
		{"gzip, deflate, br, zstd", "br"},
		{"br;q=0.5, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"*", "br"},
		{"*;q=0.1, gzip;q=0.5", "gzip"},
		{"identity", ""},
		{"BR", "br"},
		{"br;q=nonsense, gzip", "gzip"},
	}
	for _, tt := range tests {
		got, body := e.Pick(tt.header)
		if got != tt.want {
			t.Errorf("Pick(%q) = %q, want %q", tt.header, got, tt.want)
		}
		if want := map[string]string{"": "id", "br": "br", "gzip": "gz"}[got]; string(body) != want {
			t.Errorf("Pick(%q) body %q, want %q", tt.header, body, want)
		}
	}
	small := Encoded{Identity: []byte("x")}
	if got, _ := small.Pick("br, gzip"); got != "" {
		t.Errorf("an uncompressed body was sent as %q", got)
	}
}
