using System.Text.Json;
using FluentValidation;

namespace TrustFundManager.Application.Common;

public static class RequestValidation
{
    /// <summary>Field names in errors are the JSON names clients send: camelCase paths such as <c>areas[0].number</c>.</summary>
    public static void UseJsonPropertyNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
