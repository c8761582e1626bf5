# frozen_string_literal: true

require "uri"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # The four pagination styles of `x-embott-pagination`: what the items are and which request loads the next
    # page. A descriptor is a Hash with symbol keys: `style` ("cursor", "offset", "page", "link"), `items`
    # (dotted path, default "data"), `limit_param`, and per style `cursor_param`/`next_cursor` (or `item_cursor`:
    # the field of the page's last item that is the next cursor, Stripe's `starting_after` = last `id`)/`has_more`,
    # `offset_param`/`total`, `page_param`/`total_pages`/`start_page`, or `next_url` (default: the Link header).
    module PageStyles
      module_function

      # @return [Array] the page's items
      def items(body, descriptor)
        path = descriptor[:items]
        list = body.is_a?(Array) && path.nil? ? body : dig(body, path || "data")
        unless list.is_a?(Array)
          raise Error,
                "Expected an array at \"#{path || "data"}\" in the list response, got #{list.class}."
        end

        list
      end

      # The next page's request, or nil on the last page: the same request with only the cursor, offset, page
      # or URL replaced, so filters and limit carry over.
      # @param request [Transport::Request]
      # @param body [Object] the page's parsed body
      # @param headers [Hash{String => String}]
      # @param count [Integer] items on the page
      # @param base_uri [URI::HTTP]
      # @return [Transport::Request, nil]
      def next_request(descriptor, request, body, headers, count, base_uri)
        return nil if count.zero?
        return next_link(descriptor, request, body, headers, base_uri) if descriptor[:style].to_s == "link"

        param, value = next_query(descriptor, request.query || {}, body, count)
        return nil if param.nil?

        # A cursor the first request did not send goes after the call's own params (`per_page=1&page=2`).
        query = (request.query || {}).reject { |name, sent| name == param && Query.omitted?(sent) }
        Transport::Request.new(**request.to_h, query: query.merge(param => value))
      end

      # The RFC 8288 `rel="next"` URL of a Link header.
      # @param header [String, nil]
      # @return [String, nil]
      def parse_link(header)
        return nil if header.nil?

        header.scan(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/).each do |url, params|
          rel = params[/;\s*rel\s*=\s*"?([^";,]+)"?/i, 1]
          return url if rel&.downcase&.split&.include?("next")
        end
        nil
      end

      def next_query(descriptor, query, body, count)
        limit = number(query[descriptor[:limit_param]]) if descriptor[:limit_param]
        full = limit.nil? || count >= limit
        case descriptor[:style].to_s
        when "cursor" then next_cursor(descriptor, body, count)
        when "offset" then next_offset(descriptor, query, body, count, full)
        when "page" then next_page_number(descriptor, query, body, full)
        else raise ArgumentError, "unknown pagination style #{descriptor[:style].inspect}"
        end
      end

      def next_cursor(descriptor, body, count)
        return nil if descriptor[:has_more] && dig(body, descriptor[:has_more]) == false

        cursor = if descriptor[:item_cursor]
                   last = items(body, descriptor)[count - 1]
                   dig(last, descriptor[:item_cursor])
                 else
                   dig(body, descriptor[:next_cursor])
                 end
        return nil unless cursor.is_a?(String) && !cursor.empty?

        [descriptor[:cursor_param], cursor]
      end

      def next_offset(descriptor, query, body, count, full)
        offset = (number(query[descriptor[:offset_param]]) || 0) + count
        total = number(dig(body, descriptor[:total])) if descriptor[:total]
        return unless total ? offset < total : full

        [descriptor[:offset_param], offset]
      end

      def next_page_number(descriptor, query, body, full)
        start = descriptor.fetch(:start_page, 1)
        current = number(query[descriptor[:page_param]]) || start
        total = number(dig(body, descriptor[:total_pages])) if descriptor[:total_pages]
        return unless total ? current - start + 1 < total : full

        [descriptor[:page_param], current + 1]
      end

      # Follows the next URL only to the API's own origin, so the API key never leaves it.
      def next_link(descriptor, request, body, headers, base_uri)
        target = descriptor[:next_url] ? dig(body, descriptor[:next_url]) : parse_link(headers["link"])
        return nil unless target.is_a?(String) && !target.empty?

        resolved = URI.join(base_uri.to_s, target)
        unless [resolved.scheme, resolved.host, resolved.port] == [base_uri.scheme, base_uri.host, base_uri.port]
          target_origin = "#{resolved.scheme}://#{resolved.host}:#{resolved.port}"
          raise Error, "Refusing to follow a pagination link to another origin (#{target_origin})."
        end

        Transport::Request.new(**request.to_h, path: resolved.to_s, query: {})
      end

      def dig(value, path)
        path.to_s.split(".").reduce(value) { |current, key| current.is_a?(Hash) ? current[key] : nil }
      end

      def number(value)
        case value
        when Integer then value
        when Float then value.finite? ? value : nil
        when String then value.match?(/\A-?\d+\z/) ? value.to_i : nil
        end
      end
      private_class_method :next_query, :next_cursor, :next_offset, :next_page_number, :next_link, :dig, :number
    end
  end
end
