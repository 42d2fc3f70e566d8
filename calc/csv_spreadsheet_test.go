package calc

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// spreadsheetCell is a cell as LibreOffice stores it in a flat OpenDocument spreadsheet (.fods).
type spreadsheetCell struct {
	Formula  string `xml:"urn:oasis:names:tc:opendocument:xmlns:table:1.0 formula,attr"`
	Repeated int    `xml:"urn:oasis:names:tc:opendocument:xmlns:table:1.0 number-columns-repeated,attr"`
	Type     string `xml:"urn:oasis:names:tc:opendocument:xmlns:office:1.0 value-type,attr"`
	Value    string `xml:"urn:oasis:names:tc:opendocument:xmlns:office:1.0 value,attr"`
	Text     []struct {
		Text string `xml:",chardata"`
	} `xml:"urn:oasis:names:tc:opendocument:xmlns:text:1.0 p"`
}

type spreadsheetRow struct {
	Repeated int               `xml:"urn:oasis:names:tc:opendocument:xmlns:table:1.0 number-rows-repeated,attr"`
	Cells    []spreadsheetCell `xml:"urn:oasis:names:tc:opendocument:xmlns:table:1.0 table-cell"`
}

// readFODS returns the first sheet's rows of a flat OpenDocument spreadsheet, repeated cells
// and rows spelled out.
func readFODS(t *testing.T, data []byte) [][]spreadsheetCell {
	t.Helper()
	var doc struct {
		Rows []spreadsheetRow `xml:"body>spreadsheet>table>table-row"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("reading LibreOffice's spreadsheet: %v", err)
	}
	var rows [][]spreadsheetCell
	for _, r := range doc.Rows {
		var cells []spreadsheetCell
		for _, c := range r.Cells {
			for range max(c.Repeated, 1) {
				cells = append(cells, c)
			}
		}
		for range max(r.Repeated, 1) {
			rows = append(rows, cells)
		}
	}
	return rows
}

// TestSeriesCSVInLibreOffice opens a CSV with scenarios named like formulas in a real
// spreadsheet: LibreOffice, which evaluates formulas in a CSV it opens, converts it to a flat
// OpenDocument file, and in that file no cell is a formula, every header is the text written,
// and every day value is a number equal to the CSV's, negative ones included. It needs
// LibreOffice (Debian: apt-get install libreoffice-calc) and takes a second or two; without
// soffice it is skipped.
func TestSeriesCSVInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not found: the CSV is not checked in LibreOffice (apt-get install libreoffice-calc to check it)")
	}
	if testing.Short() {
		t.Skip("-short: the CSV is not checked in LibreOffice")
	}
	names := []string{
		`=HYPERLINK("http://evil.example/","click")`,
		"=1+1",
		"+cmd|' /C calc'!A0",
		"-2+3",
		"@SUM(1+1)",
		"Lido",
	}
	s := Set{Asset: "ETH", Currency: "USD", Price: decimal.RequireFromString("2000")}
	var r Results
	for i, name := range names {
		sign := decimal.NewFromInt(int64(1 - 2*(i%2))) // every other scenario below zero
		var series, expected []DayValue
		for day := 1; day <= 3; day++ {
			v := decimal.New(int64(1000+day), -3).Mul(sign)
			series = append(series, DayValue{day, v})
			expected = append(expected, DayValue{day, v.Sub(decimal.New(int64(day), -6))})
		}
		r.Scenarios = append(r.Scenarios, ScenarioResult{Name: name, Series: series, SeriesExpected: expected})
	}
	file := SeriesCSV(s, r)
	want, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "days.csv")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	// CSV:44,34,76,1: comma-separated, '"' quotes, UTF-8, from line 1; LibreOffice's defaults
	// otherwise, formulas evaluated among them. A profile of its own keeps the run apart from
	// any other LibreOffice on the machine.
	cmd := exec.Command(soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--infilter=CSV:44,34,76,1", "--convert-to", "fods", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to fods: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "days.fods"))
	if err != nil {
		t.Fatalf("soffice wrote no spreadsheet: %v", err)
	}
	got := readFODS(t, data)
	if len(got) < len(want) {
		t.Fatalf("LibreOffice read %d rows, want %d", len(got), len(want))
	}
	for i, row := range want {
		if len(got[i]) < len(row) {
			t.Fatalf("LibreOffice read %d cells in row %d, want %d", len(got[i]), i+1, len(row))
		}
		for k, cell := range row {
			c := got[i][k]
			if c.Formula != "" {
				t.Errorf("row %d, column %d: LibreOffice reads %q as the formula %s", i+1, k+1, cell, c.Formula)
				continue
			}
			if i == 0 {
				var text []string
				for _, p := range c.Text {
					text = append(text, p.Text)
				}
				if c.Type != "string" || strings.Join(text, "\n") != cell {
					t.Errorf("header %d: LibreOffice reads %s %q, want the text %q", k+1, c.Type, text, cell)
				}
				continue
			}
			wantValue, err := strconv.ParseFloat(cell, 64)
			if err != nil {
				t.Fatalf("row %d, column %d of the CSV = %q, not a number", i+1, k+1, cell)
			}
			gotValue, err := strconv.ParseFloat(c.Value, 64)
			if c.Type != "float" || err != nil || gotValue != wantValue {
				t.Errorf("row %d, column %d: LibreOffice reads %s %q, want the number %s", i+1, k+1, c.Type, c.Value, cell)
			}
		}
	}
	for i, name := range names {
		if want[0][1+4*i] != "'"+name+" (ETH)" && name != "Lido" {
			t.Errorf("header of %q = %q, want it behind a single quote", name, want[0][1+4*i])
		}
	}
}
