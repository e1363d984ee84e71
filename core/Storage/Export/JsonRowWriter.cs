using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;
using Devtools.Core.Storage.Columns;

namespace Devtools.Core.Storage.Export;

/// <summary>
/// Writes one row of a record batch as a JSON object keyed by column name, for every column type
/// Devtools tables use: TIME64NS as integer ns, INT64 as a number, BOOLEAN, STRING, and UINT128
/// upids as "asid:pid:start". Nulls are JSON null.
/// </summary>
internal sealed class JsonRowWriter
{
    /// <summary>
    /// Relaxed escaping: output is JSON Lines for files and pipes, never HTML, so '+', '&lt;' or
    /// non-ASCII text stay readable instead of turning into \uXXXX.
    /// </summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly JsonEncodedText[] _names;
    private readonly ColumnKind[] _kinds;

    public JsonRowWriter(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        IReadOnlyList<Field> fields = schema.FieldsList;
        _names = new JsonEncodedText[fields.Count];
        _kinds = new ColumnKind[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            _names[i] = JsonEncodedText.Encode(fields[i].Name, WriterOptions.Encoder);
            _kinds[i] = KindOf(fields[i]);
        }
    }

    private enum ColumnKind
    {
        Timestamp,
        Int64,
        Boolean,
        Utf8,
        Upid,
    }

    public void WriteRow(Utf8JsonWriter json, RecordBatch batch, int row)
    {
        json.WriteStartObject();
        for (int column = 0; column < _kinds.Length; column++)
        {
            json.WritePropertyName(_names[column]);
            IArrowArray array = batch.Column(column);
            if (array.IsNull(row))
            {
                json.WriteNullValue();
                continue;
            }

            switch (_kinds[column])
            {
                case ColumnKind.Timestamp:
                    json.WriteNumberValue(((TimestampArray)array).Values[row]);
                    break;
                case ColumnKind.Int64:
                    json.WriteNumberValue(((Int64Array)array).Values[row]);
                    break;
                case ColumnKind.Boolean:
                    json.WriteBooleanValue(((BooleanArray)array).GetValue(row) == true);
                    break;
                case ColumnKind.Utf8:
                    WriteString(json, ((StringArray)array).GetBytes(row));
                    break;
                case ColumnKind.Upid:
                    WriteUpid(json, Upid.ReadBigEndian(((FixedSizeBinaryArray)array).GetBytes(row)));
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter json, ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            json.WriteStringValue(utf8);
            return;
        }

        // Batches read from elsewhere may not be valid UTF-8; show U+FFFD rather than fail the export.
        json.WriteStringValue(Encoding.UTF8.GetString(utf8));
    }

    private static void WriteUpid(Utf8JsonWriter json, Upid upid)
    {
        Span<byte> text = stackalloc byte[Upid.MaxTextLength];
        upid.TryFormat(text, out int written, default, null);
        json.WriteStringValue(text[..written]);
    }

    private static ColumnKind KindOf(Field field) => field.DataType switch
    {
        TimestampType => ColumnKind.Timestamp,
        Int64Type => ColumnKind.Int64,
        BooleanType => ColumnKind.Boolean,
        StringType => ColumnKind.Utf8,
        FixedSizeBinaryType when DevtoolsArrowTypes.IsUint128(field) => ColumnKind.Upid,
        _ => throw new NotSupportedException($"Column '{field.Name}' has type {field.DataType.Name}, which JSON export does not know."),
    };
}
