using Devtools.Lsp.Analysis;
using Devtools.Lsp.Tests.Infrastructure;

namespace Devtools.Lsp.Tests.Methods;

/// <summary>
/// Profiler frame names (TraceEvent's <c>MethodNamespace.MethodName</c>, as core/Profiling/EventPipe
/// writes them) mapped to the methods of TestData/Methods/Pricing.cs and TestData/Shop.
/// </summary>
public class FrameMappingTests
{
    private static readonly string s_pricing = TestPaths.TestData("Methods", "Pricing.cs");
    private static readonly Lazy<Task<WorkspaceSnapshot>> s_snapshot = new(() => TestWorkspace.LoadAsync(TestPaths.TestData("Methods"), TestPaths.TestData("Shop")));

    [Fact]
    public async Task Methods_have_metadata_names_and_exact_ranges()
    {
        WorkspaceSnapshot snapshot = await s_snapshot.Value;

        Assert.Equal(
        [
            ("Shop.Pricing.PriceCalculator`1..ctor", SourceMethodKind.FieldLambda, new SourceRange(9, 48, 9, 54), new SourceRange(9, 48, 9, 86)),
            ("Shop.Pricing.PriceCalculator`1..ctor", SourceMethodKind.Constructor, new SourceRange(12, 15, 12, 30), new SourceRange(12, 8, 15, 9)),
            ("Shop.Pricing.PriceCalculator`1.get_Total", SourceMethodKind.PropertyAccessor, new SourceRange(19, 12, 19, 15), new SourceRange(19, 12, 19, 34)),
            ("Shop.Pricing.PriceCalculator`1.set_Total", SourceMethodKind.PropertyAccessor, new SourceRange(20, 12, 20, 15), new SourceRange(20, 12, 20, 34)),
            ("Shop.Pricing.PriceCalculator`1.Add", SourceMethodKind.Method, new SourceRange(23, 23, 23, 26), new SourceRange(23, 8, 23, 61)),
            ("Shop.Pricing.PriceCalculator`1.Add", SourceMethodKind.Method, new SourceRange(25, 23, 25, 26), new SourceRange(25, 8, 33, 9)),
            ("Shop.Pricing.PriceCalculator`1.Add.Scale", SourceMethodKind.LocalFunction, new SourceRange(29, 20, 29, 25), new SourceRange(29, 12, 32, 13)),
            ("Shop.Pricing.PriceCalculator`1.QuoteAsync", SourceMethodKind.Method, new SourceRange(35, 35, 35, 45), new SourceRange(35, 8, 39, 9)),
            ("Shop.Pricing.PriceCalculator`1.IPriceRule.Apply", SourceMethodKind.Method, new SourceRange(41, 27, 41, 32), new SourceRange(41, 8, 41, 57)),
            ("Shop.Pricing.PriceCalculator`1.op_Addition", SourceMethodKind.Operator, new SourceRange(43, 54, 43, 55), new SourceRange(43, 8, 43, 128)),
            ("Shop.Pricing.PriceCalculator`1+Discount.Apply", SourceMethodKind.Method, new SourceRange(49, 27, 49, 32), new SourceRange(49, 12, 49, 81)),
        ], snapshot.MethodsIn(s_pricing).Select(m => (m.QualifiedName, m.Kind, m.NameRange, m.Range)));
    }

    [Theory]
    // Overloads told apart by the argument list when the frame has one.
    [InlineData("Shop.Pricing.PriceCalculator`1[System.__Canon].Add(value class System.Decimal,int32)", "Pricing.cs:25")]
    [InlineData("Shop.Pricing.PriceCalculator`1[System.__Canon].Add", "Pricing.cs:23 Pricing.cs:25")]
    // Async state machine, lambda in a closure class, local function.
    [InlineData("Shop.Pricing.PriceCalculator`1+<QuoteAsync>d__9[System.__Canon].MoveNext", "Pricing.cs:35")]
    [InlineData("Shop.Pricing.PriceCalculator`1+<>c[System.__Canon].<QuoteAsync>b__9_0", "Pricing.cs:35")]
    [InlineData("Shop.Pricing.PriceCalculator`1[System.__Canon].<Add>g__Scale|8_0", "Pricing.cs:29")]
    // A field initialiser's lambda runs from the constructor.
    [InlineData("Shop.Pricing.PriceCalculator`1+<>c[System.__Canon].<.ctor>b__0_0", "Pricing.cs:12 Pricing.cs:9")]
    [InlineData("Shop.Pricing.PriceCalculator`1[System.Int32]..ctor(value class System.Decimal)", "Pricing.cs:12")]
    [InlineData("Shop.Pricing.PriceCalculator`1[System.__Canon].get_Total", "Pricing.cs:19")]
    [InlineData("Shop.Pricing.PriceCalculator`1[System.__Canon].Shop.Pricing.IPriceRule.Apply", "Pricing.cs:41")]
    [InlineData("Shop.Pricing.PriceCalculator`1[System.__Canon].op_Addition", "Pricing.cs:43")]
    [InlineData("Shop.Pricing.PriceCalculator`1+Discount[System.__Canon].Apply", "Pricing.cs:49")]
    // Top-level statements, their lambdas and local functions.
    [InlineData("Program.<Main>$", "Program.cs:2")]
    [InlineData("Program+<>c.<<Main>$>b__0_3", "Program.cs:2")]
    [InlineData("Program.<<Main>$>g__DeleteCart|0_0", "Program.cs:24")]
    [InlineData("Shop.Api.OrderEndpoints+<GetOrder>d__2.MoveNext", "OrderEndpoints.cs:16")]
    // Not workspace code.
    [InlineData("System.Linq.Enumerable.Sum", "")]
    [InlineData("libcoreclr.so+0x1a2b0", "")]
    [InlineData("[unmanaged]", "")]
    public async Task Frames_fold_back_to_the_method_that_declares_the_code(string frame, string expected)
    {
        WorkspaceSnapshot snapshot = await s_snapshot.Value;

        ImmutableArray<SourceMethod> methods = snapshot.FindMethodsByFrame(frame);

        Assert.Equal(expected, string.Join(' ', methods.Select(m => $"{Path.GetFileName(m.File)}:{m.Range.Start.Line}").Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData(31, "Shop.Pricing.PriceCalculator`1.Add.Scale")]
    [InlineData(27, "Shop.Pricing.PriceCalculator`1.Add")]
    [InlineData(38, "Shop.Pricing.PriceCalculator`1.QuoteAsync")]
    [InlineData(9, "Shop.Pricing.PriceCalculator`1..ctor")]
    [InlineData(49, "Shop.Pricing.PriceCalculator`1+Discount.Apply")]
    [InlineData(44, null)]
    [InlineData(4, null)]
    public async Task A_sampled_line_belongs_to_the_innermost_method_around_it(int line, string? expected)
    {
        WorkspaceSnapshot snapshot = await s_snapshot.Value;

        Assert.Equal(expected, snapshot.FindMethodAt(s_pricing, line)?.QualifiedName);
    }
}
