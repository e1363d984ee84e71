using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Methods;

/// <summary>The names the compiler gives members in metadata, which is what profilers report.</summary>
internal static class MemberMetadataNames
{
    public const string Constructor = WellKnownMemberNames.InstanceConstructorName;
    public const string StaticConstructor = WellKnownMemberNames.StaticConstructorName;
    public const string Finalizer = WellKnownMemberNames.DestructorName;
    public const string TopLevelMain = "<Main>$";

    public static string Accessor(AccessorDeclarationSyntax accessor, string propertyName) => accessor.Keyword.Kind() switch
    {
        SyntaxKind.GetKeyword => "get_" + propertyName,
        SyntaxKind.SetKeyword or SyntaxKind.InitKeyword => "set_" + propertyName,
        SyntaxKind.AddKeyword => "add_" + propertyName,
        SyntaxKind.RemoveKeyword => "remove_" + propertyName,
        _ => accessor.Keyword.ValueText + "_" + propertyName,
    };

    public static string Operator(OperatorDeclarationSyntax op)
    {
        bool unary = op.ParameterList.Parameters.Count == 1;
        bool isChecked = op.CheckedKeyword.IsKind(SyntaxKind.CheckedKeyword);
        string name = op.OperatorToken.Kind() switch
        {
            SyntaxKind.PlusToken => unary ? WellKnownMemberNames.UnaryPlusOperatorName : WellKnownMemberNames.AdditionOperatorName,
            SyntaxKind.MinusToken => unary ? WellKnownMemberNames.UnaryNegationOperatorName : WellKnownMemberNames.SubtractionOperatorName,
            SyntaxKind.AsteriskToken => WellKnownMemberNames.MultiplyOperatorName,
            SyntaxKind.SlashToken => WellKnownMemberNames.DivisionOperatorName,
            SyntaxKind.PercentToken => WellKnownMemberNames.ModulusOperatorName,
            SyntaxKind.AmpersandToken => WellKnownMemberNames.BitwiseAndOperatorName,
            SyntaxKind.BarToken => WellKnownMemberNames.BitwiseOrOperatorName,
            SyntaxKind.CaretToken => WellKnownMemberNames.ExclusiveOrOperatorName,
            SyntaxKind.LessThanLessThanToken => WellKnownMemberNames.LeftShiftOperatorName,
            SyntaxKind.GreaterThanGreaterThanToken => WellKnownMemberNames.RightShiftOperatorName,
            SyntaxKind.GreaterThanGreaterThanGreaterThanToken => WellKnownMemberNames.UnsignedRightShiftOperatorName,
            SyntaxKind.EqualsEqualsToken => WellKnownMemberNames.EqualityOperatorName,
            SyntaxKind.ExclamationEqualsToken => WellKnownMemberNames.InequalityOperatorName,
            SyntaxKind.LessThanToken => WellKnownMemberNames.LessThanOperatorName,
            SyntaxKind.LessThanEqualsToken => WellKnownMemberNames.LessThanOrEqualOperatorName,
            SyntaxKind.GreaterThanToken => WellKnownMemberNames.GreaterThanOperatorName,
            SyntaxKind.GreaterThanEqualsToken => WellKnownMemberNames.GreaterThanOrEqualOperatorName,
            SyntaxKind.ExclamationToken => WellKnownMemberNames.LogicalNotOperatorName,
            SyntaxKind.TildeToken => WellKnownMemberNames.OnesComplementOperatorName,
            SyntaxKind.PlusPlusToken => WellKnownMemberNames.IncrementOperatorName,
            SyntaxKind.MinusMinusToken => WellKnownMemberNames.DecrementOperatorName,
            SyntaxKind.TrueKeyword => WellKnownMemberNames.TrueOperatorName,
            SyntaxKind.FalseKeyword => WellKnownMemberNames.FalseOperatorName,
            _ => "op_" + op.OperatorToken.ValueText,
        };
        // Checked operators get their own method: op_CheckedAddition.
        return isChecked ? name.Insert(3, "Checked") : name;
    }

    public static string Conversion(ConversionOperatorDeclarationSyntax conversion) =>
        conversion.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ImplicitKeyword)
            ? WellKnownMemberNames.ImplicitConversionName
            : WellKnownMemberNames.ExplicitConversionName;

    /// <summary>
    /// An explicit interface implementation is named <c>Namespace.IFoo.Bar</c> in metadata; the
    /// namespace is unknown from syntax, so the name keeps what the source says (<c>IFoo.Bar</c>)
    /// and frame matching compares by suffix.
    /// </summary>
    public static string WithExplicitInterface(ExplicitInterfaceSpecifierSyntax? specifier, string name) =>
        specifier is null ? name : StripGenericArguments(specifier.Name.ToString()) + "." + name;

    private static string StripGenericArguments(string name)
    {
        int angle = name.IndexOf('<', StringComparison.Ordinal);
        return (angle < 0 ? name : name[..angle]).Replace(" ", "", StringComparison.Ordinal);
    }
}
