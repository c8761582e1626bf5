# frozen_string_literal: true

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Time, sleep and jitter behind one object so tests can replace them.
    class Clock
      # @return [Time]
      def now
        Time.now
      end

      # @param seconds [Float]
      # @return [void]
      def sleep(seconds)
        Kernel.sleep(seconds)
      end

      # @return [Float] in [0, 1)
      def rand
        Kernel.rand
      end
    end
  end
end
