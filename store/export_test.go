package store

import (
	"fmt"

	"github.com/equitylandscape/equity/model"
)

// WriteWithMaxPages is Write on a disk that fills after pages pages of the
// new database: SQLite's max_page_count makes it report SQLITE_FULL, as a
// full disk does, without filling one.
func WriteWithMaxPages(path string, d *model.Dataset, pages int) error {
	_, err := write(path, d, fmt.Sprintf("&_pragma=max_page_count(%d)", pages))
	return err
}

// WriteFailure is the error Write returns for err while writing path.
func WriteFailure(path string, err error) error { return writeFailure(path, err) }
