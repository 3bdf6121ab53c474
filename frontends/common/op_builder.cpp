#include "frontends/common/op_builder.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "analyzer/commands/command_table.h"

namespace slotlint::frontend {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

std::vector<commands::ArgValue> to_arg_values(std::span<const ir::Arg> args) {
  std::vector<commands::ArgValue> values;
  values.reserve(args.size());
  for (const auto& arg : args) {
    commands::ArgValue value;
    value.spread = arg.spread;
    if (!arg.spread && arg.value.is_literal()) value.literal = arg.value.literal_text();
    values.push_back(std::move(value));
  }
  return values;
}

}  // namespace

std::vector<ir::Arg> expand_template(const model::Method& method, const BoundArguments& args,
                                     ir::SourceSpan call_span) {
  using Kind = model::TemplateElement::Kind;
  std::vector<ir::Arg> argv;
  auto add = [&](std::vector<ir::Arg> more) { std::ranges::move(more, std::back_inserter(argv)); };
  // The parameters by name, for defaults: indexed once, as a wrapper may
  // take 50,000 of them and leave most unbound.
  std::map<std::string_view, const model::Parameter*> parameters;
  auto find_param = [&](std::string_view name) -> const model::Parameter* {
    if (parameters.empty()) {
      for (const auto& parameter : method.signature) parameters.emplace(parameter.name, &parameter);
    }
    auto it = parameters.find(name);
    return it == parameters.end() ? nullptr : it->second;
  };
  for (const auto& element : method.argv) {
    switch (element.kind) {
      case Kind::Word:
        argv.push_back({ir::KeyExpr::literal(element.text, call_span, false), false});
        break;
      case Kind::Param:
        if (args.bound(element.text)) {
          add(args.single(element.text));
        } else if (const auto* param = find_param(element.text);
                   param != nullptr && param->default_value) {
          std::string value = *param->default_value;
          if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"')) {
            value = value.substr(1, value.size() - 2);
          }
          argv.push_back({ir::KeyExpr::literal(value, call_span, false), false});
        }
        break;
      case Kind::Spread:
        add(args.spread(element.text));
        break;
      case Kind::Count: {
        // "#a+b": the arguments of both parameters together.
        std::optional<std::size_t> n = 0;
        std::string_view names = element.text;
        bool pairs = names.ends_with("/2");
        if (pairs) names.remove_suffix(2);
        while (n && !names.empty()) {
          auto plus = names.find('+');
          auto part = names.substr(0, plus);
          auto counted = args.count(part);
          n = counted ? std::optional<std::size_t>(*n + *counted) : std::nullopt;
          names = plus == std::string_view::npos ? std::string_view{} : names.substr(plus + 1);
        }
        if (n && pairs) n = *n % 2 == 0 ? std::optional<std::size_t>(*n / 2) : std::nullopt;
        if (n) {
          argv.push_back({ir::KeyExpr::literal(std::to_string(*n), call_span, false), false});
        } else {
          argv.push_back({ir::KeyExpr::unknown("the number of " + element.text, call_span), false});
        }
        break;
      }
      case Kind::MapKeys:
        add(args.map_keys(element.text));
        break;
      case Kind::MapValues:
        add(args.map_values(element.text));
        break;
      case Kind::MapItems:
        add(args.map_items(element.text));
        break;
    }
  }
  return argv;
}

std::optional<model::Method> command_named_method(std::string_view name) {
  if (name.empty() || name.find('_') != std::string_view::npos) return std::nullopt;
  const auto* info = commands::find_command(upper(name));
  if (info == nullptr || !info->container.empty() || info->can_take_many_keys ||
      info->key_specs.empty()) {
    return std::nullopt;
  }
  const auto& first = info->key_specs.front().begin_search;
  if (first.kind != commands::BeginSearch::Kind::Index || first.pos != 1) return std::nullopt;
  model::Method method;
  method.name = std::string(name);
  method.signature = model::parse_signature("name, *args");
  method.argv = {{model::TemplateElement::Kind::Word, upper(name)},
                 {model::TemplateElement::Kind::Param, "name"}};
  return method;
}

std::string builder_step_command(std::string_view step) {
  std::vector<std::string> words;
  for (char c : step) {
    if (std::isupper(static_cast<unsigned char>(c)) != 0 || words.empty()) words.emplace_back();
    words.back() += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  auto joined = [&](std::size_t from, char separator) {
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) {
      if (i > from) out += separator;
      out += words[i];
    }
    return out;
  };
  if (words.size() > 1) {
    auto sub = joined(1, '-');
    const auto* info = commands::find_command(words.front(), sub);
    if (info != nullptr && !info->container.empty()) return words.front() + " " + sub;
    auto underscored = joined(0, '_');
    if (commands::find_command(underscored) != nullptr) return underscored;
  }
  return joined(0, ' ');
}

bool assign_command(ir::RedisOp& op, std::vector<ir::Arg> full_argv) {
  if (full_argv.empty() || full_argv.front().spread || !full_argv.front().value.is_literal()) {
    return false;
  }
  // "CLIENT LIST" written as one string is a command and its subcommand.
  std::string name = upper(full_argv.front().value.literal_text());
  std::vector<ir::Arg> rest(std::make_move_iterator(full_argv.begin() + 1),
                            std::make_move_iterator(full_argv.end()));
  if (auto space = name.find(' '); space != std::string::npos) {
    std::string sub = name.substr(space + 1);
    name.resize(space);
    rest.insert(rest.begin(),
                {ir::KeyExpr::literal(sub, full_argv.front().value.span(), false), false});
  }
  op.command = name;
  op.argv = std::move(rest);

  std::string subcommand;
  if (!op.argv.empty() && !op.argv.front().spread && op.argv.front().value.is_literal()) {
    subcommand = op.argv.front().value.literal_text();
  }
  op.command_known = commands::find_command(op.command, subcommand) != nullptr;
  derive_keys(op);
  return true;
}

void derive_keys(ir::RedisOp& op, const ir::KeyExpr* prefix) {
  op.keys.clear();
  if (prefix != nullptr) op.key_prefix = *prefix;
  std::string subcommand;
  if (!op.argv.empty() && !op.argv.front().spread && op.argv.front().value.is_literal()) {
    subcommand = op.argv.front().value.literal_text();
  }
  const auto* info = commands::find_command(op.command, subcommand);
  if (info == nullptr) return;
  op.multi_shard = info->multi_shard;
  op.keyspace_wide = info->keyspace_wide;
  op.shard_channels = info->shard_channels;
  op.writes = std::ranges::any_of(info->key_specs, &commands::KeySpec::write);
  auto values = to_arg_values(op.argv);
  auto extraction = commands::extract_keys(*info, values);
  if (prefix != nullptr) {
    // What the client sends: the prefix before every key argument.
    for (auto index : extraction.key_indices) {
      ir::KeyExpr full = *prefix;
      full.append(op.argv[index].value);
      if (op.argv[index].value.is_collection()) full.mark_collection();
      full.set_span(op.argv[index].value.span());
      op.argv[index].value = std::move(full);
    }
  }
  op.keys_complete = extraction.complete;
  for (auto index : extraction.key_indices) {
    ir::KeyExpr key = op.argv[index].value;
    if (op.argv[index].spread) key.mark_collection();
    op.keys.push_back(std::move(key));
  }
  for (auto index : extraction.mixed_spread_indices) {
    // Keys interleaved with values we cannot tell apart: opaque keys.
    const auto& value = op.argv[index].value;
    ir::KeyExpr key = ir::KeyExpr::unknown(
        value.is_unknown() ? value.unknown_reason() : value.display(), value.span());
    key.mark_collection();
    op.keys.push_back(std::move(key));
  }
}

void apply_client_behaviour(ir::RedisOp& op, const model::ApiModel& api,
                            const model::ClientClass& cls, const model::Method& method,
                            bool identified_by_name_only) {
  op.client = {api.library,           cls.name, cls.cluster, identified_by_name_only,
               method.splits_by_slot, {},       {},          {}};
  apply_class_facts(op, cls);
  // A setting (`builder.database(3)`): what each new connection sends.
  if (method.on_connect) op.connect_option = method.name;
  if (method.splits_by_slot) {
    op.handling_note =
        api.library + " " + cls.name + "." + method.name + " splits the keys by slot";
  }
}

void apply_class_facts(ir::RedisOp& op, const model::ClientClass& cls) {
  op.transaction_note = cls.transaction_note;
  op.transactions_unsupported = cls.transactions_unsupported;
  op.pipeline_handling = cls.pipeline_cross_slot;
  op.pipeline_note = cls.pipeline_note;
  op.refused_in_batch.clear();
  if (std::ranges::find(cls.pipeline_refused_commands, op.command) !=
      cls.pipeline_refused_commands.end()) {
    op.refused_in_batch = cls.pipeline_refused_note;
  }
  op.fanned_out = std::ranges::find(cls.fans_out, op.command) != cls.fans_out.end();
  op.routing_note = op.fanned_out ? cls.fan_out_note : cls.one_node_note;
  op.tryagain = {cls.tryagain_client_retries, cls.tryagain_note};
  op.database_note = cls.database_note;
  if (op.client.method_splits) {
    op.cross_slot_handling = ir::CrossSlotHandling::ClientSplits;
  } else if (std::ranges::find(cls.splits, op.command) != cls.splits.end()) {
    op.cross_slot_handling = ir::CrossSlotHandling::ClientSplits;
    op.handling_note = cls.split_note;
  } else {
    op.cross_slot_handling = cls.cross_slot;
    op.handling_note = cls.cross_slot_note;
  }
}

}  // namespace slotlint::frontend
