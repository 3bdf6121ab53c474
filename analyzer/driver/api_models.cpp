#include "analyzer/driver/api_models.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyzer/embedded_file.h"

namespace slotlint::driver {

std::optional<std::vector<model::ApiModel>> load_api_models(
    std::string& error, std::span<const std::string> user_models) {
  std::vector<model::ApiModel> models;
  for (const auto& file : embedded_api_models()) {
    std::string model_error;
    auto model = model::parse_api_model(file.bytes, model_error);
    if (!model) {
      error = fmt::format("API model {} is invalid: {}", file.name, model_error);
      return std::nullopt;
    }
    models.push_back(std::move(*model));
  }
  for (const auto& text : user_models) {
    std::string model_error;
    auto model = model::parse_api_model(text, model_error);
    if (!model) {
      error = fmt::format("a model in the configuration is invalid: {}", model_error);
      return std::nullopt;
    }
    auto base = std::ranges::find(models, model->language, &model::ApiModel::language);
    if (base == models.end()) {
      error = fmt::format("model '{}' is for {}, which slotlint does not read", model->library,
                          model->language);
      return std::nullopt;
    }
    if (!model::merge_user_model(*base, std::move(*model), model_error)) {
      error = model_error;
      return std::nullopt;
    }
  }
  return models;
}

}  // namespace slotlint::driver
