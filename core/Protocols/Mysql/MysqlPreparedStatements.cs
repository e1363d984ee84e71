using System.Buffers;
using System.Runtime.InteropServices;
using Devtools.Core.Common;

namespace Devtools.Core.Protocols.Mysql;

/// <summary>
/// What a connection has prepared: statement id → query text, parameter count and the
/// parameter types last bound (COM_STMT_EXECUTE sends types only when they change).
/// Bounded in statements and in query bytes: beyond either bound the oldest statement
/// is forgotten (and counted); an execute of a forgotten statement is recorded without
/// its query.
/// </summary>
internal sealed class MysqlPreparedStatements
{
    private readonly Dictionary<uint, PreparedStatement> _statements = [];
    private readonly RingQueue<uint> _order = new(8);
    private readonly MysqlCounters _counters;
    private readonly int _maxStatements;
    private readonly int _maxQueryBytes;
    private int _queryBytes;

    public MysqlPreparedStatements(MysqlCounters counters, int maxStatements, int maxQueryBytes)
    {
        _counters = counters;
        _maxStatements = maxStatements;
        _maxQueryBytes = maxQueryBytes;
    }

    public int Count => _statements.Count;

    /// <summary>Remembers a statement the server prepared (replacing any with the same id).</summary>
    public void Add(uint id, ReadOnlySpan<byte> query, int parameterCount)
    {
        Remove(id);
        while (_statements.Count > 0 && (_statements.Count >= _maxStatements || _queryBytes + query.Length > _maxQueryBytes))
            EvictOldest();
        if (query.Length > _maxQueryBytes)
            query = query[.._maxQueryBytes];
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, query.Length + (2 * parameterCount)));
        query.CopyTo(buffer);
        _statements[id] = new PreparedStatement(buffer, query.Length, parameterCount);
        _queryBytes += query.Length;
        _order.Enqueue(id);
    }

    /// <summary>The statement with this id, or a null reference when it is not known.</summary>
    public ref PreparedStatement Find(uint id) => ref CollectionsMarshal.GetValueRefOrNullRef(_statements, id);

    /// <summary>Forgets a statement (COM_STMT_CLOSE).</summary>
    public void Remove(uint id)
    {
        if (_statements.Remove(id, out PreparedStatement statement))
        {
            _queryBytes -= statement.QueryLength;
            statement.Release();
        }
    }

    public void Clear()
    {
        foreach (PreparedStatement statement in _statements.Values)
            statement.Release();
        _statements.Clear();
        _order.Clear();
        _queryBytes = 0;
    }

    private void EvictOldest()
    {
        while (!_order.IsEmpty)
        {
            uint id = _order.Dequeue();
            if (_statements.ContainsKey(id))
            {
                Remove(id);
                _counters.EvictedStatements.Value++;
                return;
            }
        }
    }
}

/// <summary>
/// One prepared statement. Its buffer holds the query text, then room for the parameter
/// types (two bytes each: type, flags) that an execute bound.
/// </summary>
internal struct PreparedStatement(byte[] buffer, int queryLength, int parameterCount)
{
    private readonly byte[] _buffer = buffer;

    public readonly int QueryLength = queryLength;

    public readonly int ParameterCount = parameterCount;

    /// <summary>An execute has bound types: later executes may omit them.</summary>
    public bool HasTypes;

    public readonly ReadOnlySpan<byte> Query => _buffer.AsSpan(0, QueryLength);

    /// <summary>Two bytes per parameter: the MYSQL_TYPE and the flags (0x80 unsigned).</summary>
    public readonly Span<byte> Types => _buffer.AsSpan(QueryLength, 2 * ParameterCount);

    public readonly void Release() => ArrayPool<byte>.Shared.Return(_buffer);
}
