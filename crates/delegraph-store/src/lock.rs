//! Advisory file locks (`flock` through `std::fs::File::lock*`): one writer, readers that never
//! wait for a build, and old generations removed only when no reader is using them.

use crate::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

const WRITE_LOCK: &str = "write.lock";

/// The one writer's lock, held until dropped (or the process ends, however it ends).
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    pub(crate) fn acquire(dir: &Path) -> Result<Self, StoreError> {
        let p = dir.join(WRITE_LOCK);
        let mut f = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&p)
            .map_err(crate::io_err(&p))?;
        match f.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = f.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(StoreError::Locked {
                    dir: dir.to_path_buf(),
                    holder: if holder.is_empty() {
                        "lock held".to_string()
                    } else {
                        holder.to_string()
                    },
                });
            }
            Err(TryLockError::Error(e)) => return Err(crate::io_err(&p)(e)),
        }
        // Who holds it, for the message a second writer prints.
        let _ = f.set_len(0);
        let _ = f.rewind();
        let _ = write!(f, "pid {}", std::process::id());
        let _ = f.flush();
        Ok(WriteLock { _file: f })
    }
}

/// A hold on one generation (`graph-<id>.lock` beside `graph-<id>/`): readers hold it shared
/// while they read the generation; a writer deletes an old generation only while holding it
/// exclusively. Where the lock file cannot be opened (a store on a read-only medium, where no
/// writer deletes anything either) it is a no-op.
pub(crate) struct GenerationLock {
    _file: Option<File>,
}

fn open_lock(dir: &Path, generation: &str) -> Option<File> {
    let p = dir.join(format!("{generation}.lock"));
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&p)
        .or_else(|_| File::open(&p))
        .ok()
}

impl GenerationLock {
    /// Shared: waits only while a writer deletes this very generation (which no manifest names
    /// any more, so the caller re-reads the manifest afterwards).
    pub(crate) fn shared(dir: &Path, generation: &str) -> Self {
        let f = open_lock(dir, generation).filter(|f| f.lock_shared().is_ok());
        GenerationLock { _file: f }
    }

    /// Exclusive, without waiting: `None` while a reader holds the generation.
    pub(crate) fn try_exclusive(dir: &Path, generation: &str) -> Option<Self> {
        let f = open_lock(dir, generation)?;
        f.try_lock().ok()?;
        Some(GenerationLock { _file: Some(f) })
    }
}
