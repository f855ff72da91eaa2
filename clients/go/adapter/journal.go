package adapter

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// Entry is one line of the journal: the listing a run started from, or one change received on
// the stream, with what the adapter did about it.
type Entry struct {
	// "listed" or "change".
	Kind       string `json:"kind"`
	Cursor     string `json:"cursor"`
	ItemID     string `json:"itemId,omitempty"`
	CaseID     string `json:"caseId,omitempty"`
	ItemCode   string `json:"itemCode,omitempty"`
	Department string `json:"department,omitempty"`
	State      string `json:"state,omitempty"`
	// Connection the change arrived on: process id and attempt.
	Connection string `json:"conn,omitempty"`
	// For "listed": how many items the listing held.
	Items int `json:"items,omitempty"`
}

// Journal is the adapter's memory across restarts: an append-only file of JSON lines, one per
// change handled, written AFTER the change was acted on. The cursor to resume from is the last
// complete line's: a run killed after acting on a change but before journaling it receives that
// change again and acts again with the same request ids, which the gateway answers as before.
//
// A real department system keeps the cursor in its own database, in the same transaction as what
// it did with the change; this file is the example's stand-in.
type Journal struct {
	file *os.File
}

// OpenJournal opens (creating) the journal and returns its complete entries. A line cut short by
// a kill mid-write is removed: its change is simply received again.
func OpenJournal(path string) (*Journal, []Entry, error) {
	file, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, err
	}
	var entries []Entry
	var intact int64
	reader := bufio.NewReader(file)
	for {
		line, err := reader.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			break // a last line without its newline is torn
		}
		if err != nil {
			return nil, nil, err
		}
		var entry Entry
		if json.Unmarshal(line, &entry) != nil {
			break
		}
		entries = append(entries, entry)
		intact += int64(len(line))
	}
	if err := file.Truncate(intact); err != nil {
		return nil, nil, err
	}
	if _, err := file.Seek(intact, io.SeekStart); err != nil {
		return nil, nil, err
	}
	return &Journal{file: file}, entries, nil
}

// Append writes one entry as one line, durably.
func (j *Journal) Append(entry Entry) error {
	line, err := json.Marshal(entry)
	if err != nil {
		return err
	}
	if _, err := j.file.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return j.file.Sync()
}

// Close closes the file.
func (j *Journal) Close() error { return j.file.Close() }
