# frozen_string_literal: true

require "json"

module Embott
  # Base of every response model: readers for the documented fields, `[]` and {#to_h} for everything the
  # server sent (unknown fields are kept), unknown enum values passed through as strings.
  class Model
    # Field names whose values {#inspect} never shows.
    SECRET_FIELD = /secret|password|token|api_?key/i
    # Fields {#inspect} shows at most.
    INSPECT_FIELDS = 4

    class << self
      # Builds a model from a parsed JSON object; returns other values unchanged.
      # @param value [Hash, Model, Object]
      # @return [Model, Object]
      def build(value)
        return value unless value.is_a?(Hash)

        # Parsed JSON (string keys) is kept as is, not copied; other hashes get string keys in a copy.
        value.keys.all?(String) ? allocate.send(:adopt, value) : new(value)
      end

      # Converts a parsed JSON value to `type`: a Model class, `[type]` for arrays, `{ values: type }` for
      # maps, a {Union}, or nil to keep the value as is.
      # @return [Object]
      def coerce(value, type)
        case type
        when nil then value
        when Array then value.is_a?(Array) ? value.map { |item| coerce(item, type.first) } : value
        when Hash then value.is_a?(Hash) ? value.transform_values { |item| coerce(item, type.values.first) } : value
        else type.respond_to?(:build) ? type.build(value) : value
        end
      end
    end

    # @param attributes [Hash] the object as parsed from JSON (string or symbol keys)
    def initialize(attributes = {})
      @attributes = attributes.is_a?(Model) ? attributes.to_h : attributes.transform_keys(&:to_s)
      @cache = {}
    end

    # @param name [String, Symbol] a field's wire name
    # @return [Object, nil] the raw value as received, for any field, documented or not
    def [](name)
      @attributes[name.to_s]
    end

    # @param name [String, Symbol]
    # @return [Boolean] whether the server sent this field
    def key?(name)
      @attributes.key?(name.to_s)
    end

    # @return [Hash{Symbol => Object}] every field the server sent, nested objects as hashes
    def to_h
      deep_to_h(@attributes)
    end
    alias to_hash to_h

    # @return [String] the object as JSON, unknown fields included
    def to_json(*args)
      @attributes.to_json(*args)
    end

    # @return [Boolean] same class and same fields
    def ==(other)
      other.instance_of?(self.class) && other.to_h == to_h
    end
    alias eql? ==

    # @return [Integer]
    def hash
      [self.class, @attributes].hash
    end

    # Pattern matching: `case bot in { status: "active" }`.
    # @return [Hash{Symbol => Object}]
    def deconstruct_keys(_keys)
      to_h
    end

    # A short form: the first few scalar fields, secrets masked.
    # @return [String]
    def inspect
      shown = @attributes.select { |_, value| !value.is_a?(Hash) && !value.is_a?(Array) }.first(INSPECT_FIELDS)
      fields = shown.map { |name, value| "#{name}=#{inspect_value(name, value)}" }
      more = @attributes.length - shown.length
      fields << "..." if more.positive?
      "#<#{self.class.name}#{fields.empty? ? "" : " "}#{fields.join(" ")}>"
    end
    alias to_s inspect

    # @return [ResponseInfo, nil] the response this object came from (request id, rate limit, headers), set on
    #   the object a call returned
    def last_response
      info = @last_response
      info.is_a?(Internal::LazyResponseInfo) ? info.resolve : info
    end

    # @api private
    # @param info [ResponseInfo, Internal::LazyResponseInfo] the response's info, or one built when first read
    # @return [self]
    def attach_response(info)
      @last_response = info
      self
    end

    private

    def adopt(attributes)
      @attributes = attributes
      @cache = {}
      self
    end

    # Reads the field `name` (wire name) converted to `type`, once.
    def read_attribute(name, type = nil)
      return @cache[name] if @cache.key?(name)

      @cache[name] = Model.coerce(@attributes[name], type)
    end

    def inspect_value(name, value)
      return '"[redacted]"' if name.match?(SECRET_FIELD) && value

      text = value.inspect
      text.length > 40 ? "#{text[0, 37]}...\"" : text
    end

    def deep_to_h(value)
      case value
      when Hash then value.to_h { |key, item| [key.to_sym, deep_to_h(item)] }
      when Array then value.map { |item| deep_to_h(item) }
      when Model then value.to_h
      else value
      end
    end
  end

  # A value that may be one of several models: picked by a discriminator field, else kept as a {Model}.
  class Union
    # @param discriminator [String, nil] the field naming the variant (e.g. "type")
    # @param mapping [Hash{String => Class, Symbol}] discriminator value => model class (or its name in `namespace`)
    # @param namespace [Module] where Symbol class names are looked up (when first used, so order does not matter)
    def initialize(discriminator, mapping, namespace: Object)
      @discriminator = discriminator
      @mapping = mapping
      @namespace = namespace
    end

    # @param value [Object]
    # @return [Model, Object] the variant's model, a generic {Model} for an unknown variant, or the value
    def build(value)
      return value unless value.is_a?(Hash)

      kind = @discriminator && (value[@discriminator] || value[@discriminator.to_sym])
      variant = @mapping[kind]
      variant = @namespace.const_get(variant, false) if variant.is_a?(Symbol)
      (variant || Model).new(value)
    end

    # @return [String]
    def inspect
      "#<#{self.class.name} #{@discriminator}: #{@mapping.keys.join(", ")}>"
    end
  end
end
