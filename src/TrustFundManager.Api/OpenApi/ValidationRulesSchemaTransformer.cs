using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>
/// Carries the validators' unconditional rules into the schemas, so that a client knows them before it sends: a
/// property that must be given is <c>required</c>, and one that may be null and that no rule demands is not; lengths, item counts, ranges and patterns become <c>minLength</c>,
/// <c>maxLength</c>, <c>minItems</c>, <c>minimum</c>, <c>maximum</c> and <c>pattern</c>, for bodies and for the query
/// records alike (<c>pageSize</c>'s maximum among them). Rules under a condition (<c>When</c>), and rules the schema
/// cannot say (<c>Must</c>, rules across fields), stay the validators' alone; the 400's <c>errors</c> names them.
/// </summary>
public sealed class ValidationRulesSchemaTransformer(IServiceScopeFactory scopes) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        if (context.ParameterDescription is { ModelMetadata: { ContainerType: { } container, PropertyName: { } property } })
        {
            // A query parameter bound from an [AsParameters] record: the record's validator rules the property.
            if (DescriptorFor(container) is { } queryRules)
                Apply(schema, queryRules.GetRulesForMember(JsonNamingPolicy.CamelCase.ConvertName(property)));
            return Task.CompletedTask;
        }

        if (schema.Properties is not { Count: > 0 } properties || DescriptorFor(context.JsonTypeInfo.Type) is not { } rules)
            return Task.CompletedTask;

        foreach (var json in context.JsonTypeInfo.Properties)
        {
            if (!properties.TryGetValue(json.Name, out var propertySchema)) continue;
            // The validators name members as the JSON does (camelCase, ValidatorOptions' name resolver).
            var memberRules = rules.GetRulesForMember(json.Name).ToList();
            if (Unconditional(memberRules).Any(v => v is INotNullValidator or INotEmptyValidator))
            {
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(json.Name);
            }
            else if (MayBeNull(propertySchema))
            {
                // A positional record's parameters are all 'required' to the generator, but a member left out is read
                // as null, which this one's validator accepts: a client need not send it.
                schema.Required?.Remove(json.Name);
            }
            if (memberRules.Count > 0 && propertySchema is OpenApiSchema inline) Apply(inline, memberRules);
        }

        return Task.CompletedTask;
    }

    private static bool MayBeNull(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true
        || schema.OneOf?.Any(branch => branch.Type == JsonSchemaType.Null) == true;

    private IValidatorDescriptor? DescriptorFor(Type type)
    {
        using var scope = scopes.CreateScope();
        return (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator)?.CreateDescriptor();
    }

    /// <summary>
    /// The rules on the value itself: a <c>RuleForEach</c> rules each item, not the list (its rules are the items'
    /// schema's business), and a rule under a condition does not always hold.
    /// </summary>
    private static IEnumerable<IPropertyValidator> Unconditional(IEnumerable<IValidationRule> rules) =>
        rules.Where(r => !r.GetType().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal))
            .SelectMany(r => r.Components)
            .Where(c => !c.HasCondition && !c.HasAsyncCondition)
            .Select(c => c.Validator);

    private static void Apply(OpenApiSchema schema, IEnumerable<IValidationRule> rules)
    {
        var isArray = schema.Type?.HasFlag(JsonSchemaType.Array) == true;
        var isText = schema.Type?.HasFlag(JsonSchemaType.String) == true;
        foreach (var validator in Unconditional(rules))
        {
            switch (validator)
            {
                case INotEmptyValidator when isArray:
                    schema.MinItems = Math.Max(schema.MinItems ?? 0, 1);
                    break;
                case INotEmptyValidator when isText:
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, 1);
                    break;
                case ILengthValidator length when isText:
                    if (length.Min > 0) schema.MinLength = length.Min;
                    if (length.Max > 0) schema.MaxLength = length.Max;
                    break;
                case IBetweenValidator between when IsNumber(between.From) && IsNumber(between.To):
                    schema.Minimum = Number(between.From);
                    schema.Maximum = Number(between.To);
                    if (validator.Name == "ExclusiveBetweenValidator")
                    {
                        schema.ExclusiveMinimum = schema.Minimum;
                        schema.ExclusiveMaximum = schema.Maximum;
                        schema.Minimum = schema.Maximum = null;
                    }
                    break;
                case IComparisonValidator { ValueToCompare: { } value } comparison when IsNumber(value):
                    switch (comparison.Comparison)
                    {
                        case Comparison.GreaterThanOrEqual: schema.Minimum = Number(value); break;
                        case Comparison.GreaterThan: schema.ExclusiveMinimum = Number(value); break;
                        case Comparison.LessThanOrEqual: schema.Maximum = Number(value); break;
                        case Comparison.LessThan: schema.ExclusiveMaximum = Number(value); break;
                    }
                    break;
                case IRegularExpressionValidator { Expression: { } pattern } when isText:
                    schema.Pattern = pattern;
                    break;
            }
        }
    }

    private static bool IsNumber(object? value) =>
        value is int or long or decimal or double or short or byte or float;

    private static string Number(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
