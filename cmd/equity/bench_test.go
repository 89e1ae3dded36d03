package main

import (
	"io"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkCountriesProcess runs `equity countries --format csv` as a user
// would: a new process that loads the embedded database and prints the
// whole table. The budget (issue 15) is 20 ms.
func BenchmarkCountriesProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "equity")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for b.Loop() {
		cmd := exec.Command(bin, "countries", "--format", "csv")
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCountriesInProcess is the same work without starting a process.
func BenchmarkCountriesInProcess(b *testing.B) {
	e := env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	b.ReportAllocs()
	for b.Loop() {
		if status := run(b.Context(), []string{"countries", "--format", "csv"}, e); status != 0 {
			b.Fatalf("status %d", status)
		}
	}
}
