using System.Collections.Concurrent;
using System.Collections.Immutable;
using Devtools.Lsp.Analysis.Workspace;

namespace Devtools.Lsp.Analysis;

/// <summary>
/// The analysed C# sources of a workspace, kept current off the request path. Changes
/// (<see cref="Update"/>, <see cref="Refresh"/>, <see cref="Remove"/>, <see cref="Close"/>) only
/// queue work and return; one background worker re-analyses just the changed files, coalescing
/// bursts of edits (only a file's latest text is parsed), and publishes a new immutable
/// <see cref="WorkspaceSnapshot"/> per batch. Readers take <see cref="Current"/> at any time
/// from any thread and never wait.
/// </summary>
public sealed class WorkspaceIndex : IDisposable
{
    private readonly object _gate = new();
    private readonly ImmutableArray<string> _roots;
    private readonly Dictionary<string, Change> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _editorTexts = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource<WorkspaceSnapshot>> _idleWaiters = [];
    private ImmutableDictionary<string, DocumentAnalysis> _documents = ImmutableDictionary.Create<string, DocumentAnalysis>(StringComparer.Ordinal);
    private WorkspaceSnapshot _current = WorkspaceSnapshot.Empty;
    private bool _rescan;
    private bool _running;
    private bool _disposed;
    private long _version;

    /// <param name="roots">Folders (or single files) whose <c>*.cs</c> are analysed; bin, obj, .git and node_modules are skipped.
    /// Extra source roots (where sources recorded in a container build live here) belong in this list too.</param>
    public WorkspaceIndex(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = [.. roots.Select(System.IO.Path.GetFullPath)];
    }

    /// <summary>Raised on the worker thread after each new snapshot is published (refresh lenses from here).</summary>
    public event EventHandler<WorkspaceSnapshot>? Changed;

    public ImmutableArray<string> Roots => _roots;

    /// <summary>The latest published snapshot (empty until the first load completes).</summary>
    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The last failure of the worker, if any (it keeps going with the previous state of that file).</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Scans the roots and analyses every file (in parallel); completes with the resulting snapshot.</summary>
    public Task<WorkspaceSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _rescan = true;
            Schedule();
        }
        return WhenIdleAsync(cancellationToken);
    }

    /// <summary>
    /// The editor's text of a file (open or changed buffer), which wins over the disk until
    /// <see cref="Close"/>. Paths are full file system paths.
    /// </summary>
    public void Update(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string full = System.IO.Path.GetFullPath(path);
        if (!WorkspaceFiles.IsSource(full))
            return;
        Enqueue(full, new Change(ChangeKind.EditorText, text), editorText: text);
    }

    /// <summary>The editor closed the file: its content is the disk's again.</summary>
    public void Close(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        lock (_gate)
            _editorTexts.Remove(full);
        Refresh(full);
    }

    /// <summary>A file was created or changed on disk (or deleted: then it is removed). Ignored while the editor owns it.</summary>
    public void Refresh(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!WorkspaceFiles.IsSource(full) || WorkspaceFiles.IsInSkippedFolder(full, _roots))
            return;
        Enqueue(full, new Change(ChangeKind.Disk, null), editorText: null);
    }

    /// <summary>A file was deleted.</summary>
    public void Remove(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        lock (_gate)
            _editorTexts.Remove(full);
        Enqueue(full, new Change(ChangeKind.Remove, null), editorText: null);
    }

    /// <summary>Completes with the snapshot once every queued change is analysed and published.</summary>
    public Task<WorkspaceSnapshot> WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_running)
                return Task.FromResult(Current);
            var waiter = new TaskCompletionSource<WorkspaceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending.Clear();
        }
    }

    private void Enqueue(string path, Change change, string? editorText)
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            if (editorText is not null)
                _editorTexts[path] = editorText;
            else if (change.Kind == ChangeKind.Disk && _editorTexts.ContainsKey(path))
                return;
            _pending[path] = change;
            Schedule();
        }
    }

    // Called under _gate: at most one worker runs, so the worker alone touches _documents.
    private void Schedule()
    {
        if (_running || _disposed)
            return;
        _running = true;
        _ = Task.Run(Work);
    }

    private void Work()
    {
        while (true)
        {
            bool rescan;
            KeyValuePair<string, Change>[] batch;
            Dictionary<string, string> editorTexts;
            lock (_gate)
            {
                if (_disposed || (!_rescan && _pending.Count == 0))
                {
                    _running = false;
                    foreach (TaskCompletionSource<WorkspaceSnapshot> waiter in _idleWaiters)
                        waiter.TrySetResult(Current);
                    _idleWaiters.Clear();
                    return;
                }
                rescan = _rescan;
                _rescan = false;
                batch = [.. _pending];
                _pending.Clear();
                editorTexts = rescan ? new Dictionary<string, string>(_editorTexts, StringComparer.Ordinal) : [];
            }
            try
            {
                ImmutableDictionary<string, DocumentAnalysis> documents = rescan ? Scan(editorTexts) : _documents;
                foreach ((string path, Change change) in batch)
                    documents = Apply(documents, path, change);
                _documents = documents;
                var snapshot = new WorkspaceSnapshot(documents, Interlocked.Increment(ref _version));
                Volatile.Write(ref _current, snapshot);
                Changed?.Invoke(this, snapshot);
            }
#pragma warning disable CA1031 // The worker must survive anything one file or one handler does; the error is kept for the host.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LastError = e;
            }
        }
    }

    private ImmutableDictionary<string, DocumentAnalysis> Scan(Dictionary<string, string> editorTexts)
    {
        List<string> files = WorkspaceFiles.Enumerate(_roots);
        var results = new ConcurrentBag<DocumentAnalysis>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            string? text = editorTexts.GetValueOrDefault(file) ?? ReadOrNull(file);
            if (text is not null)
                results.Add(DocumentAnalysis.Analyze(file, text));
        });
        ImmutableDictionary<string, DocumentAnalysis>.Builder documents = ImmutableDictionary.CreateBuilder<string, DocumentAnalysis>(StringComparer.Ordinal);
        foreach (DocumentAnalysis document in results)
            documents[document.Path] = document;
        // Buffers open in the editor outside the roots stay analysed.
        foreach ((string path, string text) in editorTexts)
        {
            if (!documents.ContainsKey(path))
                documents[path] = DocumentAnalysis.Analyze(path, text);
        }
        return documents.ToImmutable();
    }

    private static ImmutableDictionary<string, DocumentAnalysis> Apply(ImmutableDictionary<string, DocumentAnalysis> documents, string path, Change change)
    {
        switch (change.Kind)
        {
            case ChangeKind.EditorText:
                return documents.SetItem(path, DocumentAnalysis.Analyze(path, change.Text!));
            case ChangeKind.Disk:
                string? text = ReadOrNull(path);
                if (text is not null)
                    return documents.SetItem(path, DocumentAnalysis.Analyze(path, text));
                // Unreadable but present (being written): keep what we had; the watcher reports the write's end.
                return File.Exists(path) ? documents : documents.Remove(path);
            default:
                return documents.Remove(path);
        }
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Deleted or being replaced right now; a watcher reports the next state.
            return null;
        }
    }

    private enum ChangeKind
    {
        EditorText,
        Disk,
        Remove,
    }

    private readonly record struct Change(ChangeKind Kind, string? Text);
}
