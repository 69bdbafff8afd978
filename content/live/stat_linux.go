package live

import (
	"io/fs"
	"syscall"
	"time"
)

// identity returns what, beyond size and modification time, tells that a
// file changed: its inode (a new file renamed over the old one has another)
// and its status change time (set by every write, and never by hand).
func identity(info fs.FileInfo) (ino uint64, ctime time.Time) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, time.Time{}
	}
	return st.Ino, time.Unix(st.Ctim.Unix())
}
