
namespace Devtools.Lsp.Analysis;

/// <summary>What kind of code a <see cref="SourceMethod"/> is.</summary>
public enum SourceMethodKind
{
    Method,
    Constructor,
    StaticConstructor,
    Finalizer,
    LocalFunction,
    PropertyAccessor,
    IndexerAccessor,
    EventAccessor,
    Operator,
    Conversion,

    /// <summary>A lambda in a field or property initialiser: the compiler emits it from the constructor.</summary>
    FieldLambda,

    /// <summary>The top-level statements of a program: the compiler's <c>Program.&lt;Main&gt;$</c>.</summary>
    TopLevelStatements,
}

/// <summary>
/// A piece of user code that the runtime runs as a method, with the names a profiler knows it by.
/// </summary>
/// <param name="File">Full path of the declaring file.</param>
/// <param name="ContainingType">
/// The declaring type as the runtime names it: <c>Shop.Orders.OrderService+Validator`1</c>
/// (namespace, '+' for nesting, <c>`N</c> for generic arity); <c>Program</c> for top-level statements.
/// </param>
/// <param name="Name">The name in source: <c>GetOrder</c>, <c>Total</c> (for its accessors), the field name of a field lambda.</param>
/// <param name="MetadataName">
/// The name the runtime gives the method: <c>GetOrder</c>, <c>get_Total</c>, <c>.ctor</c>,
/// <c>op_Addition</c>, <c>&lt;Main&gt;$</c>; for a local function its own name.
/// </param>
/// <param name="Kind">What kind of code it is.</param>
/// <param name="ParameterCount">Declared parameters (used to tell overloads apart when a frame lists its arguments).</param>
/// <param name="NameRange">The identifier (or keyword) naming it: where a lens goes.</param>
/// <param name="Range">The whole declaration without attributes: the lines it owns.</param>
/// <param name="ContainingMethod">For a local function, the <see cref="MetadataName"/> of the member it is declared in.</param>
public sealed record SourceMethod(
    string File,
    string ContainingType,
    string Name,
    string MetadataName,
    SourceMethodKind Kind,
    int ParameterCount,
    SourceRange NameRange,
    SourceRange Range,
    string? ContainingMethod = null)
{
    /// <summary>First 0-based line of the declaration.</summary>
    public int StartLine => Range.Start.Line;

    /// <summary>Last 0-based line of the declaration.</summary>
    public int EndLine => Range.End.Line;

    /// <summary>How a profiler would print it: <c>Shop.OrderService.GetOrder</c>.</summary>
    public string QualifiedName => ContainingType + "." + (ContainingMethod is null ? MetadataName : ContainingMethod + "." + MetadataName);

    public override string ToString() => QualifiedName;
}
