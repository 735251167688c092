import { Button } from '@nutui/nutui-react-taro'

interface ActionButtonProps {
  label: string
  /** Names the button more fully for screen readers than its visible label. */
  accessibleName?: string
  /** The one main action of a card is filled; the others are outlined. */
  primary?: boolean
  loading?: boolean
  onClick(): void
}

// Taro's web button element (taro-button-core) carries no role of its own; NutUI passes unknown
// props through to it, but its types do not list `role`, hence the spread.
const announcedAsButton = { role: 'button' }

/** A large NutUI button that a screen reader announces as a button, with its label. */
export function ActionButton({ label, accessibleName, primary = false, loading = false, onClick }: ActionButtonProps) {
  return (
    <Button
      type='primary'
      fill={primary ? 'solid' : 'outline'}
      block
      size='large'
      loading={loading}
      disabled={loading}
      {...announcedAsButton}
      aria-label={accessibleName ?? label}
      onClick={onClick}
    >
      {label}
    </Button>
  )
}
